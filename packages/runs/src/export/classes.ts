import type { ClassSloResult, ClassStats, SimulationResult } from '@faultline/schemas';

/** A request class as the exports read it: its figures and, when `slo.classes` set targets for it, its verdicts. */
export interface ClassReport {
  id: string;
  stats: ClassStats;
  slo: ClassSloResult | undefined;
  /** Answered (succeeded or degraded) over requests; null when the class had no request. */
  availability: number | null;
  errorRate: number | null;
}

/** The run's request classes in the order the result lists them; empty for a design without classes. */
export function classReports(result: SimulationResult): ClassReport[] {
  return Object.entries(result.classes ?? {}).map(([id, stats]) => ({
    id,
    stats,
    slo: result.slo.classes?.[id],
    availability: stats.requests ? (stats.succeeded + stats.degraded) / stats.requests : null,
    errorRate: stats.requests ? stats.failed / stats.requests : null,
  }));
}

/** What a person reads for a class id: its name in the result, else the id. */
export const className = (result: SimulationResult, id: string) => result.classes?.[id]?.name ?? id;
