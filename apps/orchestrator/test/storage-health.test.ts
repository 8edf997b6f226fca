import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createScratchDatabase, type ScratchDatabase } from '@faultline/db';
import { buildApp } from '../src/app.ts';
import { provider, testConfig } from './helper.ts';

// The orchestrator shares the storage health check of the service kit with the design service.
describe(`the orchestrator's health on a read-only database, on ${provider}`, () => {
  let scratch: ScratchDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    scratch = await createScratchDatabase(provider);
    app = await buildApp({ config: testConfig(), database: scratch.location, logger: false });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await scratch?.drop();
  });

  it('answers 503 saying the database is read-only, and ok again once it is writable', async () => {
    expect((await app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok', database: provider });
    await scratch.setReadOnly(true, app.db);
    try {
      const health = await app.inject({ method: 'GET', url: '/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toEqual({
        status: 'unavailable',
        database: provider,
        problem: 'Storage is unavailable: the database is read-only',
      });
    } finally {
      await scratch.setReadOnly(false, app.db);
    }
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});
