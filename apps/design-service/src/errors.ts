import { defineErrors } from '@faultline/service-kit';
import type { FieldIssue } from '@faultline/schemas';

/** This service's own error codes; the common ones (VALIDATION_FAILED, …) come from @faultline/service-kit. */
export const appError = defineErrors({
  DESIGN_NOT_FOUND: { status: 404, title: 'No such design' },
  FAULT_NOT_FOUND: { status: 404, title: 'No such fault' },
  COMPONENT_NOT_FOUND: { status: 404, title: 'No such component' },
  DESIGN_VERSION_CONFLICT: { status: 409, title: 'The design was changed by someone else' },
  FAULT_ALREADY_EXISTS: { status: 409, title: 'A fault with that id exists' },
});

export const designNotFound = (id: string) => appError('DESIGN_NOT_FOUND', `Design "${id}" does not exist`);

export const validationFailed = (detail: string, errors: FieldIssue[]) => appError('VALIDATION_FAILED', detail, errors);
