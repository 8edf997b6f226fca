import type { FaultWindow } from '@faultline/schemas';
import type { Collector, WindowStats } from './collector.ts';
import { round, roundRatioOrNull } from './rounding.ts';

/** Consecutive one-second windows that must be back at the SLO for a fault to count as recovered. */
export const RECOVERY_SECONDS = 5;

/** What the analysis needs to know of each fault besides its statistics. */
export interface FaultFacts {
  name: string;
  /** The window as scheduled runs to the end of the run or past it. */
  openEnded: boolean;
  /** Where the window ends as scheduled (null: never); a fault not exercised reports it as it is. */
  scheduledEndMs: number | null;
}

export interface WindowContext {
  sloAvailability: number;
  warmupMs: number;
  durationMs: number;
  /** The baseline run's p99 when the scenario has one (SPEC §4.2); else the p99 before the first fault. */
  baselineP99Ms?: number | null;
}

const seconds = (ms: number) => `${round(ms / 1000)} s`;

/**
 * SPEC §4.2's fault windows. Availability in a window counts the requests that arrived in it and
 * the failures charged to this fault; recovery looks at one-second windows after the fault ended,
 * not counting failures charged to other faults (a second with no requests does not count
 * against it).
 */
export function analyseWindows(collector: Collector, facts: FaultFacts[], context: WindowContext): FaultWindow[] {
  const baselineP99 = context.baselineP99Ms !== undefined ? context.baselineP99Ms : collector.baseline.quantile(0.99);
  return collector.windows.map((w, i) => {
    const { name, openEnded, scheduledEndMs } = facts[i]!;
    const base = {
      faultId: w.fault,
      name,
      startMs: w.start,
      endMs: openEnded ? null : w.end,
      affectedRequests: w.affected,
      failuresCaused: w.failuresCaused,
      failuresCausedDirectly: w.failuresDirect,
      degradedCaused: w.degradedCaused,
    };
    const notExercised = notExercisedBecause(w, context);
    if (notExercised !== null) {
      return {
        ...base,
        endMs: scheduledEndMs,
        state: 'not-exercised',
        impact: 'none',
        availability: null,
        detectionMs: null,
        recoveryTimeMs: null,
        timeToRecoverMs: null,
        latencyDegradationMs: null,
        reason: notExercised,
      } satisfies FaultWindow;
    }
    const availability = w.requests ? 1 - w.chargedInWindow / w.requests : null;
    const impact = impactOf(availability, context.sloAvailability);
    const windowP99 = w.latency.quantile(0.99);
    const latencyDegradationMs = windowP99 === null || baselineP99 === null ? null : round(windowP99 - baselineP99);
    const reasons: string[] = [];
    if (latencyDegradationMs === null) {
      reasons.push(
        windowP99 === null
          ? 'no request that arrived in the window was answered, so its latency is unknown'
          : 'no baseline latency: the scenario has no baseline run and no request was answered before the first fault',
      );
    }
    const measured = {
      ...base,
      impact,
      availability: roundRatioOrNull(availability),
      detectionMs: w.firstChargedAt === null ? null : round(Math.max(0, w.firstChargedAt - w.start)),
      latencyDegradationMs,
    };
    if (impact === 'none') {
      if (availability === null) reasons.unshift('no request arrived while it was active');
      return {
        ...measured,
        state: 'no-impact',
        recoveryTimeMs: null,
        timeToRecoverMs: null,
        ...(reasons.length ? { reason: reasons.join('; ') } : {}),
      } satisfies FaultWindow;
    }
    const recoveryTimeMs = openEnded ? null : recoveryTime(collector, w, context.sloAvailability, context.durationMs);
    if (recoveryTimeMs === null) {
      reasons.unshift(notRecoveredBecause(w, openEnded, context.durationMs));
      return {
        ...measured,
        state: 'not-recovered',
        recoveryTimeMs: null,
        timeToRecoverMs: null,
        reason: reasons.join('; '),
      } satisfies FaultWindow;
    }
    return {
      ...measured,
      state: 'recovered',
      recoveryTimeMs,
      timeToRecoverMs: round(w.end - w.start + recoveryTimeMs),
      ...(reasons.length ? { reason: reasons.join('; ') } : {}),
    } satisfies FaultWindow;
  });
}

/** Why a fault was never active in the measured period, or null when it was. */
function notExercisedBecause(w: WindowStats, { warmupMs, durationMs }: WindowContext): string | null {
  if (w.start >= durationMs) return `it starts at ${seconds(w.start)}, after the run ends at ${seconds(durationMs)}`;
  if (w.end <= warmupMs) return `it ends at ${seconds(w.end)}, before the warm-up ends at ${seconds(warmupMs)}`;
  if (w.end <= w.start) return 'its window is empty';
  return null;
}

/** Why an impacted window did not recover; the first clause of its reason (the verdicts quote it). */
function notRecoveredBecause(w: WindowStats, openEnded: boolean, durationMs: number): string {
  if (openEnded) return 'still active at the end of the run';
  const left = durationMs - w.end;
  if (left < RECOVERY_SECONDS * 1000) {
    return `the run ended ${seconds(left)} after the fault did, too soon to see ${RECOVERY_SECONDS} seconds back at the SLO`;
  }
  return `availability was not back at the SLO for ${RECOVERY_SECONDS} seconds in a row before the run ended`;
}

function impactOf(availability: number | null, slo: number): FaultWindow['impact'] {
  if (availability === null || availability >= slo) return 'none';
  if (availability >= 0.5) return 'degraded';
  if (availability >= 0.05) return 'partial-outage';
  return 'full-outage';
}

/**
 * From the fault's end to the start of the first run of 5 one-second windows at the SLO, counting
 * the failures charged to this fault and those charged to none, not those charged to others.
 */
function recoveryTime(collector: Collector, w: WindowStats, slo: number, runEnd: number): number | null {
  const slot = collector.fineMs;
  const perSecond = Math.round(1000 / slot);
  const first = Math.ceil(w.end / slot);
  const last = Math.floor(runEnd / slot); // slots from here on are past the measured period
  let streak = 0;
  for (let s = first; s + perSecond <= last; s += perSecond) {
    let total = 0;
    let ok = 0;
    let othersOnly = 0;
    for (let i = s; i < s + perSecond; i++) {
      total += collector.fineTotal[i]!;
      ok += collector.fineOk[i]!;
      othersOnly += collector.fineAttributed[i]! - (w.chargedFine[i] ?? 0);
    }
    const counted = total - othersOnly;
    streak = counted <= 0 || ok / counted >= slo ? streak + 1 : 0;
    if (streak === RECOVERY_SECONDS) return round(Math.max(0, (s - (RECOVERY_SECONDS - 1) * perSecond) * slot - w.end));
  }
  return null;
}
