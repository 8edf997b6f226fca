import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { toFieldIssues, type Problem } from '@faultline/schemas';
import { AppError, commonError, type CommonErrorCode } from './errors.ts';
import { storageTrouble } from './storage.ts';
import { RequestValidationError } from './zod-validation.ts';

const PART_NAMES: Record<string, string> = {
  body: 'body',
  querystring: 'query string',
  params: 'path',
  headers: 'headers',
};

/** Fastify's own client errors, by code. */
const FASTIFY_CODES: Record<string, CommonErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_BODY',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_BODY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_BODY',
};

function toAppError(error: FastifyError | AppError): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof RequestValidationError) {
    const where = PART_NAMES[error.part] ?? error.part;
    return commonError('VALIDATION_FAILED', `The ${where} is invalid`, toFieldIssues(error.zodError));
  }
  const code = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (code) return commonError(code, error.message);
  if (error instanceof SyntaxError || (error.statusCode === 400 && error.code?.startsWith('FST_ERR_CTP'))) {
    return commonError('INVALID_BODY', error.message);
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError(error.code ?? 'BAD_REQUEST', error.statusCode, error.message, error.message);
  }
  const trouble = storageTrouble(error);
  if (trouble) {
    return commonError(
      'STORAGE_UNAVAILABLE',
      `Storage is unavailable: ${trouble}. Nothing was saved; try again later.`,
    );
  }
  // 5xx: the message may hold internals; it is logged, never sent.
  return commonError('INTERNAL_ERROR', 'Something went wrong on our side; it has been logged.');
}

/** Field issues listed in one answer; a body with 60,000 unknown keys gets these and a count. */
export const MAX_LISTED_ERRORS = 100;

function listedErrors(errors: AppError['errors']): Pick<Problem, 'errors' | 'errorsNotListed'> {
  if (!errors) return {};
  if (errors.length <= MAX_LISTED_ERRORS) return { errors };
  return { errors: errors.slice(0, MAX_LISTED_ERRORS), errorsNotListed: errors.length - MAX_LISTED_ERRORS };
}

export function toProblem(error: AppError, instance: string): Problem {
  const listed = listedErrors(error.errors);
  return {
    type: `https://faultline.dev/problems/${error.code.toLowerCase().replaceAll('_', '-')}`,
    title: error.title,
    status: error.status,
    detail: listed.errorsNotListed
      ? `${error.message} (the first ${MAX_LISTED_ERRORS} of ${error.errors!.length} problems are listed)`
      : error.message,
    instance,
    code: error.code,
    ...listed,
  };
}

export function sendProblem(reply: FastifyReply, error: AppError, request: FastifyRequest): FastifyReply {
  return reply
    .code(error.status)
    .type('application/problem+json')
    .serializer(JSON.stringify)
    .send(toProblem(error, request.url));
}

/**
 * One error handler: every error becomes application/problem+json (RFC 9457). `notFound: false`
 * leaves unknown routes to the app (the gateway answers them with the web app).
 */
export default fp<{ notFound?: boolean }>(async (app, { notFound = true }) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.debug({ code: appError.code, status: appError.status }, appError.message);
    return sendProblem(reply, appError, request);
  });
  if (!notFound) return;
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, commonError('ROUTE_NOT_FOUND', `${request.method} ${request.url} is not a route`), request),
  );
});
