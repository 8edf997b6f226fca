import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { toFieldIssues, type Problem } from '@faultline/schemas';
import { AppError, ERROR_STATUS, type ErrorCode } from '../errors.ts';
import { RequestValidationError } from './zod-validation.ts';

const PART_NAMES: Record<string, string> = { body: 'body', querystring: 'query string', params: 'path', headers: 'headers' };

/** Fastify's own client errors, by code. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_BODY',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_BODY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_BODY',
};

function toProblem(error: FastifyError | AppError, request: FastifyRequest): Problem {
  if (error instanceof AppError) {
    return problem(error.code, error.title, error.message, request, error.errors);
  }
  if (error instanceof RequestValidationError) {
    const where = PART_NAMES[error.part] ?? error.part;
    return problem('VALIDATION_FAILED', 'The request is invalid', `The ${where} is invalid`, request, toFieldIssues(error.zodError));
  }
  if (error instanceof SyntaxError || (error.statusCode === 400 && error.code?.startsWith('FST_ERR_CTP'))) {
    return problem('INVALID_BODY', 'The request body cannot be read', error.message, request);
  }
  const code = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (code) return problem(code, code === 'PAYLOAD_TOO_LARGE' ? 'The request body is too large' : 'Unsupported content type', error.message, request);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return { type: 'about:blank', title: error.message, status: error.statusCode, code: error.code ?? 'BAD_REQUEST', instance: request.url };
  }
  // 5xx: the message may hold internals; it is logged, never sent.
  return problem('INTERNAL_ERROR', 'Internal server error', 'Something went wrong on our side; it has been logged.', request);
}

function problem(code: ErrorCode, title: string, detail: string, request: FastifyRequest, errors?: Problem['errors']): Problem {
  return {
    type: `https://faultline.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title,
    status: ERROR_STATUS[code],
    detail,
    instance: request.url,
    code,
    ...(errors ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type('application/problem+json').serializer(JSON.stringify).send(body);
}

/** One error handler: every error becomes application/problem+json (RFC 9457). */
export default fp(async (app) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const body = toProblem(error, request);
    if (body.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: body.code, status: body.status }, body.detail ?? body.title);
    return sendProblem(reply, body);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem('ROUTE_NOT_FOUND', 'No such route', `${request.method} ${request.url} is not a route`, request)),
  );
});
