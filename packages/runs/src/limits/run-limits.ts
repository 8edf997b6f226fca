import { MAX_RUN_DURATION_MS, type Design, type FieldIssue, type RunSettings } from '@faultline/schemas';
import { runWork } from './run-work.ts';

/** How much one run may ask for; the orchestrator's are configurable, the command line uses the defaults. */
export interface RunLimits {
  /** Longest simulated duration of one simulation, in ms. */
  maxRunDurationMs: number;
  /** Events one run may process, all its simulations together. */
  maxEventsPerRun: number;
}

export const DEFAULT_RUN_LIMITS: RunLimits = {
  maxRunDurationMs: MAX_RUN_DURATION_MS,
  maxEventsPerRun: 1_000_000_000,
};

/** Why a run is larger than the limits allow: a sentence, and the fields to change. */
export interface RunLimitRefusal {
  detail: string;
  errors: FieldIssue[];
}

/** The duration against its limit: checked first, before the design is even read. */
export function checkRunDuration(settings: RunSettings, limits: RunLimits): RunLimitRefusal | null {
  if (settings.durationMs <= limits.maxRunDurationMs) return null;
  return {
    detail: `A run may simulate at most ${limits.maxRunDurationMs} ms`,
    errors: [{ path: '/settings/durationMs', message: `must be at most ${limits.maxRunDurationMs}` }],
  };
}

/**
 * The work the design and settings imply (`runWork`) against the event limit, refused up front
 * rather than failed minutes into the run. The refusal names what drives the work: the rate (or
 * the users, or the spike) when one simulation alone is over the limit, else the replications or
 * the scenario's legs that multiply it; a sweep's end when it is the busier one.
 */
export function checkRunWork(design: Design, settings: RunSettings, limits: RunLimits): RunLimitRefusal | null {
  const work = runWork(design, settings);
  const limit = limits.maxEventsPerRun;
  if (work.events <= limit) return null;
  const over = `over the limit of ${limit} events per run`;
  const detail =
    `The run is expected to take at least ${amount(work.events)} events, ${over}: ` +
    `${amount(work.requests)} requests per simulation (a peak of ${amount(work.peakRate)} per second ` +
    `for ${settings.durationMs} ms), each visiting ${amount(work.visitsPerRequest, 1)} components, ` +
    `in ${work.simulations} simulation${work.simulations === 1 ? '' : 's'}`;
  const errors: FieldIssue[] = [];
  if (work.eventsPerSimulation > limit) {
    const takes = `takes at least ${amount(work.eventsPerSimulation)} events in one simulation, ${over}`;
    if (work.sweepEnd) {
      const sweep = settings.scenario as Extract<RunSettings['scenario'], { kind: 'sweep' }>;
      const message = `${sweep.parameter} = ${sweep[work.sweepEnd]} ${takes}`;
      errors.push({ path: `/settings/scenario/${work.sweepEnd}`, message });
    } else {
      errors.push(
        ...work.rateFields.map((path, i) => ({
          path,
          message:
            i === 0
              ? `a peak of ${amount(work.peakRate)} requests per second ${takes}`
              : `multiplies the rate to a peak of ${amount(work.peakRate)} requests per second, which ${takes}`,
        })),
      );
    }
  } else {
    const per = `${amount(work.eventsPerSimulation)} events per simulation`;
    if (settings.replications > 1)
      errors.push({ path: '/settings/replications', message: `${per} times ${settings.replications}: ${over}` });
    const legs = work.simulations / settings.replications;
    if (legs > 1) {
      const path = settings.scenario.kind === 'sweep' ? '/settings/scenario/steps' : '/settings/scenario/kind';
      errors.push({ path, message: `${per} in ${legs} legs: ${over}` });
    }
  }
  return { detail, errors };
}

/** A count as a person reads it: whole below a thousand billion, else in powers of ten. */
function amount(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return 'unbounded';
  if (value < 1e12) return String(Number(value.toFixed(digits)));
  return value.toExponential(2).replace('e+', 'e');
}
