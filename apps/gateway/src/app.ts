import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import proxy from '@fastify/http-proxy';

export interface Upstreams {
  designService: string;
  orchestrator: string;
}

const landingPage = readFileSync(new URL('../public/index.html', import.meta.url), 'utf8');

/** Each API prefix, the service that owns it, and that service's OpenAPI UI. */
const ROUTES: { prefix: string; upstream: keyof Upstreams }[] = [
  { prefix: '/api/designs', upstream: 'designService' },
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
export async function buildGateway(upstreams: Upstreams, logLevel = 'info'): Promise<FastifyInstance> {
  const app = Fastify({ logger: { level: logLevel } });
  for (const { prefix, upstream } of ROUTES) {
    await app.register(proxy, { upstream: upstreams[upstream], prefix, rewritePrefix: prefix });
  }

  app.get('/health', async (_request, reply) => {
    const [design, orchestrator] = await Promise.all([healthOf(upstreams.designService), healthOf(upstreams.orchestrator)]);
    const healthy = design === 'ok' && orchestrator === 'ok';
    return reply.code(healthy ? 200 : 503).send({ status: healthy ? 'ok' : 'degraded', services: { design, orchestrator } });
  });

  // Until the web editor is built, the root says plainly what is here.
  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(landingPage));
  return app;
}
