// The checks a run passes before it is queued, cheapest first: the settings against this
// orchestrator's limits, room in the queue, then the design as the design service holds it, and
// the work the two imply. Each refusal names the field to fix; none of them knows HTTP (errors.ts
// maps the codes to statuses).
import { checkRunDuration, checkRunWork, checkSweep, simulationCount, type RunLimits } from '@faultline/runs';
import { designHash } from '@faultline/sim-engine';
import {
  DesignIdSchema,
  DesignSchema,
  designOf,
  toFieldIssues,
  type RunSettings,
  type StoredDesign,
} from '@faultline/schemas';
import { fail, ok, type DomainFailure, type Result } from '@faultline/service-kit';
import type { Config } from './config.ts';
import type { NewRun } from './repository/run-repository.ts';

export type LaunchLimits = Pick<Config, 'MAX_PENDING_RUNS' | 'MAX_RUN_DURATION_MS' | 'MAX_EVENTS_PER_RUN'>;

/** Why a run was not launched. */
export type LaunchRefusal = DomainFailure<
  'RUN_LIMIT_EXCEEDED' | 'RUN_QUEUE_FULL' | 'RUN_DESIGN_NOT_FOUND' | 'RUN_INVALID'
>;

/** What the checks look up: the runs already waiting, and the design to run. */
export interface LaunchLookups {
  countPending(): Promise<number>;
  /** The design as the design service holds it now; null if it does not exist. */
  findDesign(id: string): Promise<StoredDesign | null>;
}

export interface LaunchRequest {
  designId: string;
  settings: RunSettings;
}

/** A launch that passes every check becomes the run to create: the design snapshot and its hash. */
export type LaunchCheck = (request: LaunchRequest) => Promise<Result<NewRun, LaunchRefusal>>;

export const queueFull = (maxPending: number) =>
  `${maxPending} runs are already queued or running; wait for some to finish or cancel them`;

export function runLaunchChecks(limits: LaunchLimits, lookups: LaunchLookups): LaunchCheck {
  // The same limit functions as the command line's, so both refuse with the same words.
  const runLimits: RunLimits = {
    maxRunDurationMs: limits.MAX_RUN_DURATION_MS,
    maxEventsPerRun: limits.MAX_EVENTS_PER_RUN,
  };
  return async ({ designId, settings }) => {
    const tooLong = checkRunDuration(settings, runLimits);
    if (tooLong) return fail({ code: 'RUN_LIMIT_EXCEEDED', ...tooLong });
    if ((await lookups.countPending()) >= limits.MAX_PENDING_RUNS) {
      return fail({
        code: 'RUN_QUEUE_FULL',
        detail: queueFull(limits.MAX_PENDING_RUNS),
      });
    }
    // Checked here rather than by the body schema: an id that names no design is the same 422
    // whether it is unknown or could never be one, and it never reaches the design service's URL.
    const id = DesignIdSchema.safeParse(designId);
    if (!id.success) {
      return fail({
        code: 'RUN_DESIGN_NOT_FOUND',
        detail: `${JSON.stringify(designId)} is not a design id`,
        errors: toFieldIssues(id.error, '/designId'),
      });
    }
    const stored = await lookups.findDesign(designId);
    if (!stored) {
      return fail({
        code: 'RUN_DESIGN_NOT_FOUND',
        detail: `Design "${designId}" does not exist`,
        errors: [{ path: '/designId', message: 'no design has this id' }],
      });
    }
    const parsed = DesignSchema.safeParse(designOf(stored));
    if (!parsed.success) {
      return fail({
        code: 'RUN_INVALID',
        detail: `Design "${designId}" is not valid`,
        errors: toFieldIssues(parsed.error),
      });
    }
    const design = parsed.data;
    if (settings.scenario.kind === 'sweep') {
      const issues = checkSweep(design, settings.scenario);
      if (issues.length)
        return fail({ code: 'RUN_INVALID', detail: 'The sweep does not fit the design', errors: issues });
    }
    const tooBig = checkRunWork(design, settings, runLimits);
    if (tooBig) return fail({ code: 'RUN_LIMIT_EXCEEDED', ...tooBig });
    return ok({
      designId,
      designName: design.name,
      designVersion: stored.version,
      designHash: designHash(design),
      design,
      settings,
      totalMs: settings.durationMs * simulationCount(design, settings),
    });
  };
}
