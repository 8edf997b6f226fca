import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createScratchDatabase, type ScratchDatabase } from '@faultline/db';
import { checkoutExample } from '@faultline/schemas';
import { buildGateway } from '../src/app.ts';
import { startService, type RunningService } from '@faultline/service-kit';

// The real design service in its own process, reached over HTTP through the gateway.
describe('the one origin', () => {
  let scratch: ScratchDatabase;
  let service: RunningService;
  let gateway: FastifyInstance;

  beforeAll(async () => {
    scratch = await createScratchDatabase('sqlite');
    service = await startService('design service', new URL('../../design-service/src/server.ts', import.meta.url), {
      ...process.env,
      DATABASE_URL: scratch.location.url,
      LOG_LEVEL: 'warn',
    });
    gateway = await buildGateway({ designService: service.url }, 'silent');
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
    await service?.stop();
    await scratch?.drop();
  });

  it('forwards /api/designs to the design service and back', async () => {
    const created = await gateway.inject({ method: 'POST', url: '/api/designs', payload: checkoutExample });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const read = await gateway.inject({ method: 'GET', url: `/api/designs/${id}` });
    expect(read.json()).toMatchObject({ id, name: 'checkout', version: 1 });
    const refused = await gateway.inject({ method: 'POST', url: '/api/designs', payload: { name: 'x' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('serves the API reference and a root page that says what is there', async () => {
    expect((await gateway.inject({ method: 'GET', url: '/docs/json' })).json().info.title).toBe('Faultline design service');
    const root = await gateway.inject({ method: 'GET', url: '/' });
    expect(root.body).toContain('/api/designs');
    expect(root.body).toContain('not built yet');
  });

  it('reports health, and degraded once the design service is gone', async () => {
    expect((await gateway.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok', services: { design: 'ok' } });
    await service.stop();
    const health = await gateway.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json().status).toBe('degraded');
  });
});
