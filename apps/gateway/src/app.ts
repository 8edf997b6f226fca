import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import {
  AccessLog,
  browserSafety,
  clientErrorHandler,
  commonError,
  loggerOptions,
  problemHandler,
  sendProblem,
} from '@faultline/service-kit';
import { forward } from './upstream-proxy.ts';

export interface Upstreams {
  designService: string;
  orchestrator: string;
}

export interface GatewayOptions {
  logLevel?: string;
  /** A logger made beforehand (server.ts logs the children's supervision with it). */
  logger?: FastifyBaseLogger;
  webRoot?: string;
  /** Host names served (any port), or '*'; by default the loopback names. */
  allowedHosts?: string[] | '*';
  /** Largest body forwarded to each service: its own limit, so the gateway answers 413 first. */
  bodyLimits?: { designService: number; orchestrator: number };
  /** Connect and first-answer timeout towards a service (a paused one answers 504, never hangs). */
  upstreamTimeoutMs?: number;
}

/** The services' own default body limits (each service's config.ts). */
export const DEFAULT_BODY_LIMITS = { designService: 1024 * 1024, orchestrator: 64 * 1024 };

/** The web app as `pnpm start` builds it. */
export const WEB_ROOT = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const SERVICE_NAMES: Record<keyof Upstreams, string> = {
  designService: 'design service',
  orchestrator: 'orchestrator',
};

/** Each API prefix, the service that owns it, and that service's OpenAPI UI. */
const ROUTES: { prefix: string; upstream: keyof Upstreams; routes?: string[]; stream?: boolean }[] = [
  // Event streams first, on connections of their own (see forward).
  { prefix: '/api/runs', upstream: 'orchestrator', routes: ['/:id/events'], stream: true },
  { prefix: '/api/designs', upstream: 'designService' },
  { prefix: '/api/templates', upstream: 'designService' },
  { prefix: '/api/runs', upstream: 'orchestrator' },
  { prefix: '/api/scenario-presets', upstream: 'orchestrator' },
  { prefix: '/docs/runs', upstream: 'orchestrator' },
  { prefix: '/docs', upstream: 'designService' },
];

/** The health probe waits at most this long for a service, so /health itself always answers. */
const HEALTH_TIMEOUT_MS = 2_000;

async function healthOf(url: string, timeoutMs: number): Promise<string> {
  return fetch(new URL('/health', url), { signal: AbortSignal.timeout(timeoutMs) }).then(
    (r) => (r.ok ? 'ok' : `status ${r.status}`),
    (error: Error) => (error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'unreachable'),
  );
}

/**
 * The one origin people open: each API prefix is forwarded over HTTP to the service that owns
 * it (server-sent events stream through unbuffered); everything else is the web app.
 */
export async function buildGateway(
  upstreams: Upstreams,
  {
    logLevel = 'info',
    logger,
    webRoot = WEB_ROOT,
    allowedHosts,
    bodyLimits = DEFAULT_BODY_LIMITS,
    upstreamTimeoutMs = 5_000,
  }: GatewayOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: loggerOptions(logLevel) }),
    logController: new AccessLog(),
    clientErrorHandler,
    bodyLimit: Math.max(bodyLimits.designService, bodyLimits.orchestrator),
  });
  // `Expect: 100-continue` is answered per route once the body limit is known (upstream-proxy.ts);
  // Node would otherwise tell every client to send its body, however large.
  app.server.on('checkContinue', (request, response) => app.server.emit('request', request, response));
  await app.register(browserSafety, { allowedHosts });
  await app.register(problemHandler, { notFound: false });

  for (const { prefix, upstream, routes, stream } of ROUTES) {
    await forward(app, {
      prefix,
      routes,
      stream,
      service: SERVICE_NAMES[upstream],
      upstream: upstreams[upstream],
      bodyLimit: bodyLimits[upstream],
      timeoutMs: upstreamTimeoutMs,
      logsDebug: ['debug', 'trace'].includes(logLevel),
    });
  }

  app.get('/health', async (_request, reply) => {
    const timeoutMs = Math.min(HEALTH_TIMEOUT_MS, upstreamTimeoutMs);
    const [design, orchestrator] = await Promise.all([
      healthOf(upstreams.designService, timeoutMs),
      healthOf(upstreams.orchestrator, timeoutMs),
    ]);
    const healthy = design === 'ok' && orchestrator === 'ok';
    return reply
      .code(healthy ? 200 : 503)
      .send({ status: healthy ? 'ok' : 'degraded', services: { design, orchestrator } });
  });

  if (!existsSync(webRoot))
    throw new Error(
      `The web app is not built at ${webRoot}: run \`pnpm start\` (it builds it first) or \`node apps/web/scripts/build.mjs\``,
    );
  await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  // The web app routes in the browser (/designs/:id, /runs/:id): any other page is its index.
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return sendProblem(
      reply,
      commonError('ROUTE_NOT_FOUND', `${request.method} ${request.url} is not a route`),
      request,
    );
  });
  return app;
}
