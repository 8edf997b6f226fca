import type { SimulationResult } from '@faultline/schemas';
import type { Collector, WindowStats } from './collector.ts';
import { round, roundRatioOrNull } from './rounding.ts';

type FaultWindow = SimulationResult['faultWindows'][number];

/** Consecutive one-second windows that must be back at the SLO for a fault to count as recovered. */
export const RECOVERY_SECONDS = 5;

/**
 * SPEC §4.1's resilience metrics for each fault window. Availability is judged by the requests
 * that arrived in a window (when the user sent them); a second with no requests does not count
 * against recovery.
 */
export function analyseWindows(collector: Collector, sloAvailability: number, runEnd: number): FaultWindow[] {
  const baselineP99 = collector.baseline.quantile(0.99);
  return collector.windows.map((w) => {
    const availability = w.requests ? w.ok / w.requests : null;
    const recoveryTimeMs = recoveryTime(collector, w, sloAvailability, runEnd);
    const windowP99 = w.latency.quantile(0.99);
    return {
      fault: w.fault,
      startMs: w.start,
      endMs: w.end,
      impact: impactOf(availability, sloAvailability),
      availability: roundRatioOrNull(availability),
      detectionMs: w.firstFailureAt === null ? null : round(w.firstFailureAt - w.start),
      recovered: recoveryTimeMs !== null,
      recoveryTimeMs,
      timeToRecoverMs: recoveryTimeMs === null ? null : round(w.end - w.start + recoveryTimeMs),
      latencyDegradationMs: windowP99 === null || baselineP99 === null ? null : round(windowP99 - baselineP99),
    };
  });
}

function impactOf(availability: number | null, slo: number): FaultWindow['impact'] {
  if (availability === null || availability >= slo) return 'none';
  if (availability >= 0.5) return 'degraded';
  if (availability >= 0.05) return 'partial-outage';
  return 'full-outage';
}

/** From the fault's end to the start of the first run of 5 one-second windows at the SLO. */
function recoveryTime(collector: Collector, w: WindowStats, slo: number, runEnd: number): number | null {
  const slot = collector.fineMs;
  const perSecond = Math.round(1000 / slot);
  const first = Math.ceil(w.end / slot);
  const last = Math.floor(runEnd / slot); // slots from here on are past the measured period
  let streak = 0;
  for (let s = first; s + perSecond <= last; s += perSecond) {
    let total = 0;
    let ok = 0;
    for (let i = s; i < s + perSecond; i++) {
      total += collector.fineTotal[i]!;
      ok += collector.fineOk[i]!;
    }
    streak = total === 0 || ok / total >= slo ? streak + 1 : 0;
    if (streak === RECOVERY_SECONDS) return round(Math.max(0, (s - (RECOVERY_SECONDS - 1) * perSecond) * slot - w.end));
  }
  return null;
}
