import type { FieldIssue } from '@faultline/schemas';

/** Every error code this service answers with, and its HTTP status. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_BODY: 400,
  DESIGN_NOT_FOUND: 404,
  FAULT_NOT_FOUND: 404,
  COMPONENT_NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  DESIGN_VERSION_CONFLICT: 409,
  FAULT_ALREADY_EXISTS: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL_ERROR: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

const TITLES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'The request is invalid',
  INVALID_BODY: 'The request body cannot be read',
  DESIGN_NOT_FOUND: 'No such design',
  FAULT_NOT_FOUND: 'No such fault',
  COMPONENT_NOT_FOUND: 'No such component',
  ROUTE_NOT_FOUND: 'No such route',
  DESIGN_VERSION_CONFLICT: 'The design was changed by someone else',
  FAULT_ALREADY_EXISTS: 'A fault with that id exists',
  PAYLOAD_TOO_LARGE: 'The request body is too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type',
  INTERNAL_ERROR: 'Internal server error',
};

/** An error the service answers on purpose, as application/problem+json. */
export class AppError extends Error {
  readonly status: number;
  readonly title: string;
  constructor(
    readonly code: ErrorCode,
    detail: string,
    readonly errors?: FieldIssue[],
  ) {
    super(detail);
    this.status = ERROR_STATUS[code];
    this.title = TITLES[code];
  }
}

export const designNotFound = (id: string) => new AppError('DESIGN_NOT_FOUND', `Design "${id}" does not exist`);

export const validationFailed = (detail: string, errors: FieldIssue[]) => new AppError('VALIDATION_FAILED', detail, errors);
