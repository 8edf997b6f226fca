import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import proxy from '@fastify/http-proxy';
import fastifyStatic from '@fastify/static';
import { commonError, sendProblem } from '@faultline/service-kit';

export interface Upstreams {
  designService: string;
  orchestrator: string;
}

/** The web app as `pnpm start` builds it. */
export const WEB_ROOT = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Each API prefix, the service that owns it, and that service's OpenAPI UI. */
const ROUTES: { prefix: string; upstream: keyof Upstreams }[] = [
  { prefix: '/api/designs', upstream: 'designService' },
  { prefix: '/api/templates', upstream: 'designService' },
  { prefix: '/api/runs', upstream: 'orchestrator' },
  { prefix: '/api/scenario-presets', upstream: 'orchestrator' },
  { prefix: '/docs/runs', upstream: 'orchestrator' },
  { prefix: '/docs', upstream: 'designService' },
];

async function healthOf(url: string): Promise<string> {
  return fetch(new URL('/health', url)).then(
    (r) => (r.ok ? 'ok' : `status ${r.status}`),
    (error: Error) => error.message,
  );
}

/**
 * The one origin people open: each API prefix is forwarded over HTTP to the service that owns
 * it (server-sent events stream through unbuffered); everything else is the web app.
 */
export async function buildGateway(
  upstreams: Upstreams,
  logLevel = 'info',
  webRoot = WEB_ROOT,
): Promise<FastifyInstance> {
  const app = Fastify({ logger: { level: logLevel } });
  for (const { prefix, upstream } of ROUTES) {
    await app.register(proxy, { upstream: upstreams[upstream], prefix, rewritePrefix: prefix });
  }

  app.get('/health', async (_request, reply) => {
    const [design, orchestrator] = await Promise.all([
      healthOf(upstreams.designService),
      healthOf(upstreams.orchestrator),
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
