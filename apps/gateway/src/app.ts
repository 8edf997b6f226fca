import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import proxy from '@fastify/http-proxy';

export interface Upstreams {
  designService: string;
}

const landingPage = readFileSync(new URL('../public/index.html', import.meta.url), 'utf8');

/**
 * The one origin people open: each API prefix is forwarded over HTTP to the service that owns
 * it; everything else is the web app.
 */
export async function buildGateway(upstreams: Upstreams, logLevel = 'info'): Promise<FastifyInstance> {
  const app = Fastify({ logger: { level: logLevel } });
  await app.register(proxy, { upstream: upstreams.designService, prefix: '/api/designs', rewritePrefix: '/api/designs' });
  // The design service's OpenAPI document and UI.
  await app.register(proxy, { upstream: upstreams.designService, prefix: '/docs', rewritePrefix: '/docs' });

  app.get('/health', async (_request, reply) => {
    const design = await fetch(new URL('/health', upstreams.designService)).then(
      (r) => (r.ok ? 'ok' : `status ${r.status}`),
      (error: Error) => error.message,
    );
    const healthy = design === 'ok';
    return reply.code(healthy ? 200 : 503).send({ status: healthy ? 'ok' : 'degraded', services: { design } });
  });

  // Until the web editor is built, the root says plainly what is here.
  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(landingPage));
  return app;
}
