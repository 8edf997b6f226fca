import { defineErrors, valueOrProblemWith } from '@faultline/service-kit';

/**
 * This service's own error codes, each mapped to its status; the common ones (VALIDATION_FAILED,
 * …) come from the service kit. Repositories and checks return failures with these codes and no
 * status; routes answer them through this one table.
 */
export const appError = defineErrors({
  RUN_NOT_FOUND: { status: 404, title: 'No such run' },
  PRESET_NOT_FOUND: { status: 404, title: 'No such scenario preset' },
  RUN_NOT_FINISHED: { status: 409, title: 'The run has no result yet' },
  RUN_ALREADY_FINISHED: { status: 409, title: 'The run has already finished' },
  RUN_DESIGN_NOT_FOUND: { status: 422, title: 'The design to run does not exist' },
  RUN_INVALID: { status: 422, title: 'The run cannot be made from this design and settings' },
  RUN_LIMIT_EXCEEDED: { status: 422, title: 'The run is larger than this orchestrator allows' },
  RUN_QUEUE_FULL: { status: 429, title: 'Too many runs are waiting' },
  DESIGN_SERVICE_UNAVAILABLE: { status: 502, title: 'The design service cannot be reached' },
});

/** A domain result's value; a failure is thrown as its problem, answered by the one error handler. */
export const valueOrProblem = valueOrProblemWith(appError);

/** What a run id found (the run, its design snapshot), or the 404 that it does not exist. */
export function runOrProblem<T>(id: string, found: T | null): T {
  if (found !== null) return found;
  throw appError('RUN_NOT_FOUND', `Run "${id}" does not exist`);
}
