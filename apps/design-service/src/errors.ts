import { defineErrors, valueOrProblemWith } from '@faultline/service-kit';

/**
 * This service's own error codes, each mapped to its status; the common ones (VALIDATION_FAILED,
 * …) come from @faultline/service-kit. Repositories return failures with these codes and no
 * status; routes answer them through this one table.
 */
export const appError = defineErrors({
  DESIGN_NOT_FOUND: { status: 404, title: 'No such design' },
  FAULT_NOT_FOUND: { status: 404, title: 'No such fault' },
  COMPONENT_NOT_FOUND: { status: 404, title: 'No such component' },
  DESIGN_VERSION_CONFLICT: { status: 409, title: 'The design was changed by someone else' },
  FAULT_ALREADY_EXISTS: { status: 409, title: 'A fault with that id exists' },
});

/** A domain result's value; a failure is thrown as its problem, answered by the one error handler. */
export const valueOrProblem = valueOrProblemWith(appError);
