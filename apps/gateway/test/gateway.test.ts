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
  let orchestrator: RunningService;
  let gateway: FastifyInstance;
  let origin: string;

  beforeAll(async () => {
    scratch = await createScratchDatabase('sqlite');
    service = await startService('design service', new URL('../../design-service/src/server.ts', import.meta.url), {
      ...process.env,
      DATABASE_URL: scratch.location.url,
      LOG_LEVEL: 'warn',
    });
    orchestrator = await startService('orchestrator', new URL('../../orchestrator/src/server.ts', import.meta.url), {
      ...process.env,
      DATABASE_URL: scratch.location.url,
      DESIGN_SERVICE_URL: service.url,
      WORKERS: '1',
      LOG_LEVEL: 'warn',
    });
    gateway = await buildGateway(
      { designService: service.url, orchestrator: orchestrator.url },
      { logLevel: 'silent' },
    );
    origin = await gateway.listen({ host: '127.0.0.1', port: 0 });
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
    await orchestrator?.stop();
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

  it('launches a run through the orchestrator and streams its events through unbuffered', async () => {
    const design = (await gateway.inject({ method: 'POST', url: '/api/designs', payload: checkoutExample })).json();
    const launched = await fetch(`${origin}/api/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ designId: design.id, settings: { durationMs: 30_000 } }),
    });
    expect(launched.status).toBe(202);
    const { id } = (await launched.json()) as { id: string };
    const stream = await fetch(`${origin}/api/runs/${id}/events`);
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const text = await stream.text();
    expect(text.trim().split('\n\n').at(-1)).toMatch(/^event: status\ndata: \{.*"status":"succeeded"/);
    const result = await fetch(`${origin}/api/runs/${id}/result`);
    expect(
      ((await result.json()) as { result: { totals: { requests: number } } }).result.totals.requests,
    ).toBeGreaterThan(0);
    expect((await gateway.inject({ method: 'GET', url: '/api/scenario-presets' })).json().items.length).toBeGreaterThan(
      20,
    );
  });

  it('serves the API references and the web app', async () => {
    expect((await gateway.inject({ method: 'GET', url: '/docs/json' })).json().info.title).toBe(
      'Faultline design service',
    );
    expect((await gateway.inject({ method: 'GET', url: '/docs/runs/json' })).json().info.title).toBe(
      'Faultline orchestrator',
    );
    // The web app: its index at the root and at every page the browser routes.
    for (const url of ['/', '/designs/some-id', '/runs/some-id']) {
      const page = await gateway.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
      expect(page.body, url).toContain('<div id="root">');
    }
    const unknownApi = await gateway.inject({ method: 'GET', url: '/api/nothing' });
    expect(unknownApi.statusCode).toBe(404);
    expect(unknownApi.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('reports health, and degraded once the design service is gone', async () => {
    expect((await gateway.inject({ method: 'GET', url: '/health' })).json()).toEqual({
      status: 'ok',
      services: { design: 'ok', orchestrator: 'ok' },
    });
    await service.stop();
    const health = await gateway.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json().status).toBe('degraded');
  });
});
