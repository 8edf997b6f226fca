import type { SimulationResult, Slo } from '@faultline/schemas';

type Verdicts = SimulationResult['slo']['verdicts'];
type FaultWindow = SimulationResult['faultWindows'][number];

export interface Headline {
  requests: number;
  availability: number | null;
  errorRate: number | null;
  p99: number | null;
  mttrMs: number | null;
}

/**
 * One verdict per target that is set. A target with nothing to judge (no requests, no fault
 * window) passes; a fault that never recovered fails the recovery targets.
 */
export function sloVerdicts(slo: Slo, headline: Headline, windows: FaultWindow[]): SimulationResult['slo'] {
  const verdicts: Verdicts = {};
  const unrecovered = windows.some((w) => !w.recovered);
  const atLeast = (threshold: number | null, measured: number | null) =>
    threshold === null ? undefined : { threshold, measured, passed: measured === null || measured >= threshold };
  const atMost = (threshold: number | null, measured: number | null, failIfUnrecovered = false) =>
    threshold === null
      ? undefined
      : {
          threshold,
          measured,
          passed: !(failIfUnrecovered && unrecovered) && (measured === null || measured <= threshold),
        };

  const degradations = windows.map((w) => w.latencyDegradationMs).filter((d): d is number => d !== null);
  const recoveries = windows.map((w) => w.recoveryTimeMs).filter((d): d is number => d !== null);
  const entries = {
    availability: atLeast(slo.availability, headline.availability),
    errorRate: atMost(slo.errorRate, headline.errorRate),
    p99LatencyMs: atMost(slo.p99LatencyMs, headline.p99),
    latencyDegradationMs: atMost(slo.latencyDegradationMs, degradations.length ? Math.max(...degradations) : null),
    mttrMs: atMost(slo.mttrMs, headline.mttrMs, true),
    recoveryTimeMs: atMost(slo.recoveryTimeMs, recoveries.length ? Math.max(...recoveries) : null, true),
  };
  for (const [target, verdict] of Object.entries(entries)) if (verdict) verdicts[target as keyof Verdicts] = verdict;
  return { passed: Object.values(verdicts).every((v) => v.passed), verdicts };
}

/** Recovered windows over fault windows, graded A–F; no fault window, no grade. */
export function scorecard(windows: FaultWindow[]): SimulationResult['scorecard'] {
  if (windows.length === 0) return { recoveryRate: null, grade: null };
  const rate = windows.filter((w) => w.recovered).length / windows.length;
  const grade = rate >= 0.95 ? 'A' : rate >= 0.8 ? 'B' : rate >= 0.6 ? 'C' : rate >= 0.4 ? 'D' : 'F';
  return { recoveryRate: Math.round(rate * 10000) / 10000, grade };
}
