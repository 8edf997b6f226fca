import type { ClassSloResult, LatencySummary, SimulationResult } from '@faultline/schemas';

// A run's request classes (SPEC §3.7) as the dashboard reads them, apart from React.

/** One request class's headline figures, by the name the result gives it. */
export interface ClassFigures {
  id: string;
  name: string;
  requests: number;
  /** Its share of all the measured requests; null when none were measured. */
  share: number | null;
  /** Answered (succeeded or degraded by a fallback) over requests, as the run's availability is. */
  availability: number | null;
  errorRate: number | null;
  latency: LatencySummary;
  /** The verdicts of the targets `slo.classes` sets for it; absent when it sets none. */
  slo: ClassSloResult | undefined;
}

/** Each request class of the run, in the result's order; none for a run of a design without classes. */
export function classFiguresOf(result: SimulationResult): ClassFigures[] {
  return Object.entries(result.classes ?? {}).map(([id, c]) => ({
    id,
    name: c.name,
    requests: c.requests,
    share: result.totals.requests ? c.requests / result.totals.requests : null,
    availability: c.requests ? (c.succeeded + c.degraded) / c.requests : null,
    errorRate: c.requests ? c.failed / c.requests : null,
    latency: c.latency,
    slo: result.slo.classes?.[id],
  }));
}
