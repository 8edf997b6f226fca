import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createScratchDatabase, type Provider, type ScratchDatabase } from '@faultline/db';
import { startService, type RunningService } from '@faultline/service-kit';
import { isFinished, type DesignInput, type Run, type StoredDesign } from '@faultline/schemas';
import { buildApp, type AppOptions } from '../src/app.ts';

/** Which database this run of the suite uses: vitest runs the suite once per provider. */
export const provider = (process.env.TEST_DATABASE_PROVIDER ?? 'sqlite') as Provider;

export const DESIGN_SERVICE_ENTRY = new URL('../../design-service/src/server.ts', import.meta.url);
export const ORCHESTRATOR_ENTRY = new URL('../src/server.ts', import.meta.url);

export const testConfig = (overrides: Partial<AppOptions['config']> = {}): AppOptions['config'] => ({
  LOG_LEVEL: 'silent',
  BODY_LIMIT_BYTES: 64 * 1024,
  DESIGN_SERVICE_URL: 'http://127.0.0.1:1',
  WORKERS: 1,
  MAX_PENDING_RUNS: 100,
  MAX_RUN_DURATION_MS: 24 * 60 * 60 * 1000,
  MAX_EVENTS_PER_RUN: 1_000_000_000,
  MAX_RUN_WALL_MS: 3_600_000,
  ...overrides,
});

/** The real design service in its own process on a scratch SQLite file, reached over HTTP. */
export function useDesignService(): { url: () => string; create: (design: DesignInput) => Promise<StoredDesign> } {
  let scratch: ScratchDatabase;
  let service: RunningService;
  beforeAll(async () => {
    scratch = await createScratchDatabase('sqlite');
    service = await startService('design service', DESIGN_SERVICE_ENTRY, {
      ...process.env,
      DATABASE_URL: scratch.location.url,
      LOG_LEVEL: 'warn',
    });
  }, 60_000);
  afterAll(async () => {
    await service?.stop();
    await scratch?.drop();
  });
  return {
    url: () => service.url,
    create: async (design) => {
      const response = await fetch(`${service.url}/api/designs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(design),
      });
      if (response.status !== 201) throw new Error(`create failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as StoredDesign;
    },
  };
}

/** An orchestrator on a fresh database of its own, reading designs from `designServiceUrl`. */
export function useOrchestrator(
  designServiceUrl: () => string,
  overrides: Partial<AppOptions['config']> = {},
): () => FastifyInstance {
  let app: FastifyInstance;
  let scratch: ScratchDatabase;
  beforeAll(async () => {
    scratch = await createScratchDatabase(provider);
    app = await buildApp({
      config: testConfig({ DESIGN_SERVICE_URL: designServiceUrl(), ...overrides }),
      database: scratch.location,
      logger: false,
      progressIntervalMs: 20,
    });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await scratch?.drop();
  });
  return () => app;
}

export async function launch(app: FastifyInstance, body: unknown): Promise<Run> {
  const response = await app.inject({ method: 'POST', url: '/api/runs', payload: body as object });
  if (response.statusCode !== 202) throw new Error(`launch failed: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** Polls the run until it finishes (or `until` holds). */
export async function waitFor(
  app: FastifyInstance,
  id: string,
  until: (run: Run) => boolean = (r) => isFinished(r.status),
  timeoutMs = 60_000,
): Promise<Run> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run: Run = (await app.inject({ method: 'GET', url: `/api/runs/${id}` })).json();
    if (until(run)) return run;
    if (Date.now() > deadline) throw new Error(`run ${id} is still ${run.status} at ${run.progress.percent} %`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The problem+json body of a refused request, after checking it is one. */
export function problemOf(response: LightMyRequestResponse) {
  if (!String(response.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(`expected application/problem+json, got ${response.headers['content-type']}: ${response.body}`);
  }
  return response.json() as {
    status: number;
    code: string;
    detail?: string;
    errors?: { path: string; message: string }[];
  };
}

/** The checkout example under a heavier load, so a run takes a few seconds of work. */
export const busyCheckout = (checkout: DesignInput, ratePerSecond = 2_000): DesignInput => ({
  ...checkout,
  name: 'Busy checkout',
  workload: { ...checkout.workload!, arrival: { kind: 'poisson', ratePerSecond } },
});
