import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createScratchDatabase, type ScratchDatabase } from '@faultline/db';
import { checkoutExample, type Run } from '@faultline/schemas';
import { buildApp } from '../src/app.ts';
import { busyCheckout, launch, provider, testConfig, useDesignService, waitFor } from './helper.ts';

const designs = useDesignService();
const short = { durationMs: 5_000, warmupMs: 0, seed: 4 };

/**
 * The database refuses to store results, as a read-only database would, injected at the database
 * itself (a trigger), so the real write path meets the real error on SQLite and PostgreSQL.
 */
const REFUSE_RESULTS = {
  sqlite: [
    `CREATE TRIGGER refuse_results BEFORE INSERT ON "RunResult" BEGIN SELECT RAISE(ABORT, 'attempt to write a readonly database'); END`,
  ],
  postgresql: [
    `CREATE OR REPLACE FUNCTION refuse_results() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'cannot execute INSERT in a read-only transaction'; END $$ LANGUAGE plpgsql`,
    `CREATE TRIGGER refuse_results BEFORE INSERT ON "RunResult" FOR EACH ROW EXECUTE FUNCTION refuse_results()`,
  ],
}[provider];
const ALLOW_RESULTS = {
  sqlite: 'DROP TRIGGER refuse_results',
  postgresql: 'DROP TRIGGER refuse_results ON "RunResult"',
}[provider];

/** An orchestrator whose warnings are kept, to see the run's end being tried again. */
function useWatchedOrchestrator(writeRetryDelaysMs: number[]) {
  const warnings: string[] = [];
  let app: FastifyInstance;
  let scratch: ScratchDatabase;
  beforeAll(async () => {
    scratch = await createScratchDatabase(provider);
    const stream = new Writable({
      write(line: Buffer, _encoding, done) {
        warnings.push(String(JSON.parse(String(line)).msg));
        done();
      },
    });
    app = await buildApp({
      config: testConfig({ DESIGN_SERVICE_URL: designs.url() }),
      database: scratch.location,
      logger: { level: 'warn', stream },
      progressIntervalMs: 20,
      writeRetryDelaysMs,
    });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await scratch?.drop();
  });
  return { app: () => app, warnings };
}

async function until(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("a run's end when the database refuses to store it", () => {
  const { app, warnings } = useWatchedOrchestrator([300, 300, 300, 300, 300]);

  it('is tried again until the database takes it: the result is not lost', async () => {
    const design = await designs.create(checkoutExample);
    for (const sql of REFUSE_RESULTS) await app().db.$executeRawUnsafe(sql);
    const run = await launch(app(), { designId: design.id, settings: short });
    await until(() => warnings.includes('could not store the result of a run; trying again'));
    await app().db.$executeRawUnsafe(ALLOW_RESULTS);

    const ended = await waitFor(app(), run.id);
    expect(ended).toMatchObject({ status: 'succeeded', error: null });
    const result = await app().inject({ method: 'GET', url: `/api/runs/${run.id}/result` });
    expect(result.statusCode).toBe(200);
  });

  it('fails the run with the reason when it never can, ends its stream and frees its place', async () => {
    const design = await designs.create(checkoutExample);
    for (const sql of REFUSE_RESULTS) await app().db.$executeRawUnsafe(sql);
    try {
      const run = await launch(app(), { designId: design.id, settings: short });
      const heard: Run[] = [];
      app().runQueue.subscribe(run.id, (news) => news.type === 'status' && heard.push(news.run));
      const ended = await waitFor(app(), run.id);
      expect(ended.status).toBe('failed');
      expect(ended.error).toMatch(/^The run finished but its result could not be stored: \S/);
      expect(ended.error).not.toMatch(/invocation|\.ts:\d/); // the database's words, not a stack
      // Subscribers (the event streams) hear the end; the run no longer counts as pending.
      await until(() => heard.some((r) => r.status === 'failed'));
      expect(await app().runs.countPending()).toBe(0);
      const result = await app().inject({ method: 'GET', url: `/api/runs/${run.id}/result` });
      expect(result.statusCode).toBe(409);
      expect(result.json().detail).toMatch(/ended as failed/);
    } finally {
      await app().db.$executeRawUnsafe(ALLOW_RESULTS);
    }
  });
});

describe('a run interrupted by crashes', () => {
  let scratch: ScratchDatabase;
  let app: FastifyInstance | undefined;
  const start = () =>
    buildApp({
      config: testConfig({ DESIGN_SERVICE_URL: designs.url() }),
      database: scratch.location,
      logger: false,
      progressIntervalMs: 20,
    });
  beforeAll(async () => {
    scratch = await createScratchDatabase(provider);
  });
  afterAll(async () => {
    await app?.close();
    await scratch?.drop();
  });

  it('is given up, with the reason, after three starts that each ended with the process', async () => {
    app = await start();
    const design = await designs.create(busyCheckout(checkoutExample, 200));
    const crashedThrice = await launch(app, { designId: design.id, settings: short });
    const crashedTwice = await launch(app, { designId: design.id, settings: short });
    await waitFor(app, crashedThrice.id);
    await waitFor(app, crashedTwice.id);
    // As a process killed while running them leaves them: still running, started so many times.
    await app.db.runResult.deleteMany({ where: { runId: { in: [crashedThrice.id, crashedTwice.id] } } });
    await app.db.run.update({ where: { id: crashedThrice.id }, data: { status: 'running', attempts: 3 } });
    await app.db.run.update({ where: { id: crashedTwice.id }, data: { status: 'running', attempts: 2 } });
    await app.close();

    app = await start();
    const givenUp = await waitFor(app, crashedThrice.id);
    expect(givenUp.status).toBe('failed');
    expect(givenUp.error).toMatch(/started 3 times and each time the orchestrator stopped/);
    expect((await waitFor(app, crashedTwice.id)).status).toBe('succeeded');
  });
});
