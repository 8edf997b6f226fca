import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * One line per request at `info`, when its answer is done (Fastify's default is two, and a proxy
 * adds two more); what else Fastify says about a request (its arrival, a client that went away,
 * an unknown route) goes to `debug`. A failed answer is still one line, at `error`.
 */
export class AccessLog extends Fastify.LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      url: request.url,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request');
  }

  override defaultErrorLog(error: Error, _request: FastifyRequest, reply: FastifyReply): void {
    if (reply.statusCode >= 500) reply.log.error({ err: error }, error.message);
    else reply.log.debug({ err: error }, error.message);
  }

  override streamError(error: Error, _request: FastifyRequest, reply: FastifyReply): void {
    if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') reply.log.debug('stream closed early');
    else reply.log.warn({ err: error }, 'answer broke off after its headers were sent');
  }

  override routeNotFound(request: FastifyRequest): void {
    request.log.debug(`no route for ${request.method} ${request.url}`);
  }
}
