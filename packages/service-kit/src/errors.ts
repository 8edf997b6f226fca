import type { FieldIssue } from '@faultline/schemas';
import type { DomainFailure, Result } from './result.ts';

export interface ErrorSpec {
  readonly status: number;
  readonly title: string;
}

/** Codes every service answers with; each service adds its own (DESIGN_NOT_FOUND, RUN_NOT_FOUND). */
export const COMMON_ERRORS = {
  VALIDATION_FAILED: { status: 400, title: 'The request is invalid' },
  INVALID_BODY: { status: 400, title: 'The request body cannot be read' },
  BAD_REQUEST: { status: 400, title: 'Bad request' },
  ROUTE_NOT_FOUND: { status: 404, title: 'No such route' },
  REQUEST_TIMEOUT: { status: 408, title: 'The request took too long to arrive' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported content type' },
  MISDIRECTED_REQUEST: { status: 421, title: 'This host is not served here' },
  HEADERS_TOO_LARGE: { status: 431, title: 'The request line or headers are too large' },
  INTERNAL_ERROR: { status: 500, title: 'Internal server error' },
  STORAGE_UNAVAILABLE: { status: 503, title: 'Storage is unavailable' },
} as const satisfies Record<string, ErrorSpec>;
export type CommonErrorCode = keyof typeof COMMON_ERRORS;

/** An error a service answers on purpose, as application/problem+json. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly errors?: FieldIssue[],
  ) {
    super(detail);
  }
}

/**
 * Joins a service's own error table to the common one: one table maps each scoped upper-case
 * code to its status and title. Returns the factory the service throws with.
 */
export function defineErrors<T extends Record<string, ErrorSpec>>(own: T) {
  const table: Record<string, ErrorSpec> = { ...COMMON_ERRORS, ...own };
  return (code: (keyof T | CommonErrorCode) & string, detail: string, errors?: FieldIssue[]): AppError => {
    const spec = table[code]!;
    return new AppError(code, spec.status, spec.title, detail, errors);
  };
}

export const commonError = defineErrors({});

/**
 * The unwrapper a service's routes use on domain results: the value, or the failure thrown as the
 * problem its code maps to in the service's table. Only failures whose codes the table knows
 * type-check.
 */
export function valueOrProblemWith<Code extends string>(
  appError: (code: Code, detail: string, errors?: FieldIssue[]) => AppError,
) {
  return <T>(result: Result<T, DomainFailure<Code>>): T => {
    if (result.ok) return result.value;
    const { code, detail, errors } = result.failure;
    throw appError(code, detail, errors);
  };
}
