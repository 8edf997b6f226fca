import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';
import proxy from '@fastify/http-proxy';
import type { AppError } from '@faultline/service-kit';
import { gatewayError } from './errors.ts';

export interface ForwardedRoute {
  prefix: string;
  /** The service's name, the only thing about it an answer may say (never its URL). */
  service: string;
  upstream: string;
  /** The service's own body limit: past it the gateway answers 413 and forwards nothing. */
  bodyLimit: number;
  timeoutMs: number;
  /** Only these paths under the prefix (http-proxy's `routes`); every path by default. */
  routes?: string[];
  /** Event streams: a connection each, outside the pool, held as long as the service streams. */
  stream?: boolean;
  /** Whether the log level shows debug lines (reply-from's per-request lines go there). */
  logsDebug: boolean;
}

/** reply-from's errors by code: what went wrong between the gateway and the service. */
function upstreamProblem(error: Error, service: string, timeoutMs: number): AppError {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'FST_REPLY_FROM_GATEWAY_TIMEOUT':
    case 'FST_REPLY_FROM_CONNECT_TIMEOUT':
      return gatewayError('SERVICE_TIMEOUT', `The ${service} did not answer within ${timeoutMs} ms; try again shortly`);
    case 'FST_REPLY_FROM_CONNECTION_RESET':
    case 'FST_REPLY_FROM_UNDICI_SOCKET_ERROR':
    case 'FST_REPLY_FROM_BAD_GATEWAY':
      return gatewayError('BAD_GATEWAY', `The ${service} broke off its answer`);
    default:
      // Refused connections and the rest: the service is not there (stopped, restarting).
      return gatewayError('SERVICE_UNAVAILABLE', `The ${service} is not available; try again shortly`);
  }
}

/**
 * Forwards one prefix to its service. Bodies are read here first, up to the service's limit, so
 * an oversize body is answered 413 (problem+json) by the gateway instead of being cut off by the
 * service mid-upload (which surfaced as EPIPE, 500 or a reset), and `Expect: 100-continue` is
 * answered here (undici refuses to forward it). Timeouts bound how long a stopped or paused
 * service can hold a request.
 */
export async function forward(app: FastifyInstance, route: ForwardedRoute): Promise<void> {
  const { prefix, service, upstream, bodyLimit, timeoutMs } = route;
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.addHook('onRoute', (options) => {
      options.bodyLimit = bodyLimit;
    });
    scope.addHook('preParsing', async (request, reply, payload) => {
      // Oversize bodies are refused by the parser from Content-Length alone, before the client
      // is told to send them.
      const length = Number(request.headers['content-length']);
      if (request.headers.expect?.toLowerCase() === '100-continue' && !(length > bodyLimit)) reply.raw.writeContinue();
      return payload;
    });
    await scope.register(proxy, {
      upstream,
      prefix,
      rewritePrefix: prefix,
      proxyPayloads: false,
      ...(route.routes ? { routes: route.routes, httpMethods: ['GET'] } : {}),
      // reply-from's two lines per request belong to debug: the access line says it all at info.
      disableRequestLogging: !route.logsDebug,
      undici: {
        connectTimeout: timeoutMs,
        headersTimeout: timeoutMs,
        // A stream is quiet between events and closed by the orchestrator on time; its own
        // connections (no pool limit) so that open streams never hold back other requests.
        ...(route.stream ? { bodyTimeout: 0, connections: null } : { bodyTimeout: timeoutMs }),
      },
      replyOptions: {
        rewriteRequestHeaders: (_request, headers) => {
          const { expect: _answeredHere, ...forwarded } = headers as IncomingHttpHeaders;
          return forwarded;
        },
        // reply-from has logged the cause; the answer names the service, never its address.
        onError: (reply, { error }) => void reply.send(upstreamProblem(error, service, timeoutMs)),
      },
      // Bodies are Buffers read above: sent as they came, with their own content type.
      handler: (request, reply, destination, options) =>
        reply.from(destination, {
          ...options,
          ...(Buffer.isBuffer(request.body)
            ? { body: request.body, contentType: request.headers['content-type'] ?? 'application/octet-stream' }
            : {}),
        }),
    });
  });
}
