import type { ChildProcess } from 'node:child_process';
import { QueueEvents } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '@faultline/db';
import { runScenario } from '@faultline/runs';
import { checkoutExample, DesignSchema, type Run, type RunSettingsInput } from '@faultline/schemas';
import { PARTS_QUEUE } from '@faultline/workers/flows';
import { busyCheckout, launch, provider, useDesignService, waitFor } from '../helper.ts';
import { freshPrefix, REDIS_URL, startWorker, stopWorker, teamOrchestrator } from './team.ts';

const designs = useDesignService();

/** A sweep of the outage's length: four parts of about a second's work each. */
const sweep = (durationMs = 20_000): RunSettingsInput => ({
  durationMs,
  warmupMs: 0,
  seed: 5,
  scenario: { kind: 'sweep', parameter: '/faults/0/schedule/durationMs', from: 5_000, to: 20_000, steps: 4 },
});

const running = (run: Run) => run.parts.filter((p) => p.status === 'running');
/** The process a part ran in: `host pid N thread M` without the thread. */
const processOf = (worker: string | null) => worker?.replace(/ thread \d+$/, '') ?? null;
/** The processes the run's parts run in now. */
const runningIn = (run: Run) => new Set(running(run).flatMap((p) => (p.worker ? [processOf(p.worker)] : [])));

async function sameBytesAsOneProcess(app: FastifyInstance, run: Run): Promise<void> {
  const body = (await app.inject({ method: 'GET', url: `/api/runs/${run.id}/result` })).body;
  const snapshot = DesignSchema.parse((await app.inject({ method: 'GET', url: `/api/runs/${run.id}/design` })).json());
  expect(body).toBe(JSON.stringify(runScenario(snapshot, run.settings)));
}

// A team deployment shares PostgreSQL; the embedded SQLite default has no Redis.
describe.runIf(provider === 'postgresql')('runs on BullMQ across worker processes and orchestrators', () => {
  const prefix = freshPrefix();
  let scratch: ScratchDatabase;
  let first: FastifyInstance;
  const workers: ChildProcess[] = [];
  let designId: string;

  beforeAll(async () => {
    scratch = await createScratchDatabase(provider);
    first = await teamOrchestrator(scratch.location, designs.url(), prefix);
    workers.push(await startWorker(prefix), await startWorker(prefix));
    designId = (await designs.create(busyCheckout(checkoutExample, 500))).id;
  }, 60_000);
  afterAll(async () => {
    await Promise.all(workers.map((w) => stopWorker(w)));
    await first?.close();
    await scratch?.drop();
  });

  it('spreads a sweep over two worker processes, with the same bytes as one process', async () => {
    const run = await launch(first, { designId, settings: sweep() });
    const ended = await waitFor(first, run.id);
    expect(ended.status).toBe('succeeded');
    expect(ended.parts.map((p) => p.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
    const processes = new Set(ended.parts.map((p) => processOf(p.worker)));
    expect(processes).toEqual(new Set(workers.map((w) => expect.stringMatching(new RegExp(`pid ${w.pid}$`)))));
    expect(processes.size).toBe(2);
    expect(ended.progress.percent).toBe(100);
    await sameBytesAsOneProcess(first, ended);
  });

  it('runs the part of a worker killed mid-part again elsewhere, and still gives the same bytes', async () => {
    const run = await launch(first, { designId, settings: sweep(60_000) });
    const both = await waitFor(first, run.id, (r) => runningIn(r).size === 2);
    const victim = workers.shift()!;
    const lost = running(both).find((p) => p.worker?.includes(`pid ${victim.pid} `))!;
    await stopWorker(victim, 'SIGKILL');
    workers.push(await startWorker(prefix));

    const ended = await waitFor(first, run.id);
    expect(ended.status).toBe('succeeded');
    // The killed process's part finished in another process.
    expect(ended.parts[lost.index]!.worker).not.toContain(`pid ${victim.pid} `);
    await sameBytesAsOneProcess(first, ended);
  }, 90_000);

  it('hands the parts of a worker stopped with SIGTERM back to the queue at once', async () => {
    // Its lock would hold the part for a minute after a crash: only a hand-back frees it sooner.
    await stopWorker(workers.shift()!);
    const leaving = await startWorker(prefix, 60_000);
    const run = await launch(first, { designId, settings: sweep(60_000) });
    const both = await waitFor(first, run.id, (r) => runningIn(r).size === 2);
    const handedBack = running(both).find((p) => p.worker?.includes(`pid ${leaving.pid} `))!;
    await stopWorker(leaving, 'SIGTERM');
    expect(leaving.exitCode).toBe(0);
    const asked = Date.now();
    const retaken = (r: Run) => r.parts[handedBack.index]!.worker?.includes(`pid ${leaving.pid} `) === false;
    await waitFor(first, run.id, (r) => retaken(r) || r.status !== 'running', 30_000);
    expect(Date.now() - asked).toBeLessThan(15_000);
    workers.push(await startWorker(prefix));
    const ended = await waitFor(first, run.id);
    expect(ended.status).toBe('succeeded');
    await sameBytesAsOneProcess(first, ended);
  }, 90_000);

  it('cancels every part, and the workers take the next run at once', async () => {
    // Parts of minutes' work: none ends on its own before the cancel.
    const busy = (await designs.create(busyCheckout(checkoutExample, 4_000))).id;
    const run = await launch(first, { designId: busy, settings: sweep(3_600_000) });
    await waitFor(first, run.id, (r) => running(r).length === 2);
    const cancelled = await first.inject({ method: 'POST', url: `/api/runs/${run.id}/cancel` });
    expect(cancelled.json().status).toBe('cancelled');
    const after = await waitFor(first, run.id, (r) => r.parts.every((p) => p.status === 'cancelled'));
    expect(after.status).toBe('cancelled');

    const next = await launch(first, { designId, settings: sweep() });
    expect((await waitFor(first, next.id)).status).toBe('succeeded');
  }, 60_000);

  it('fails a run whose part fails, with the part’s reason', async () => {
    const limited = await teamOrchestrator(scratch.location, designs.url(), prefix, { MAX_EVENTS_PER_RUN: 150_000 });
    try {
      const run = await launch(limited, { designId, settings: sweep() });
      const ended = await waitFor(limited, run.id);
      expect(ended.status).toBe('failed');
      expect(ended.error).toMatch(/over the limit of 150,000 events per run/);
      expect(ended.parts.some((p) => p.status === 'failed')).toBe(true);
    } finally {
      await limited.close();
    }
  });

  it('runs each run exactly once with two orchestrators, and either one serves its stream', async () => {
    const second = await teamOrchestrator(scratch.location, designs.url(), prefix);
    const events = new QueueEvents(PARTS_QUEUE, { connection: { url: REDIS_URL }, prefix });
    await events.waitUntilReady();
    const starts = new Map<string, number>();
    events.on('active', ({ jobId }) => starts.set(jobId, (starts.get(jobId) ?? 0) + 1));
    try {
      const runs = await Promise.all(
        [first, second, first, second].map((app) => launch(app, { designId, settings: sweep() })),
      );
      // A stream opened on the orchestrator that did not launch the run follows it to its end.
      const stream = await second.inject({ method: 'GET', url: `/api/runs/${runs[2]!.id}/events` });
      expect(stream.body).toMatch(/event: progress/);
      expect(stream.body).toMatch(/"status":"succeeded"/);
      for (const run of runs) expect((await waitFor(first, run.id)).status).toBe('succeeded');
      expect(starts.size).toBe(16);
      expect([...starts.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await events.close();
      await second.close();
    }
  }, 90_000);

  it('loses no run when every orchestrator stops and one starts again', async () => {
    const run = await launch(first, { designId, settings: sweep() });
    // Stored but not yet handed to Redis: an orchestrator that stops between the two.
    const { design, settings } = (await first.runs.job(run.id))!;
    const orphan = await first.runs.create(
      { design, settings, designId, designName: design.name, designVersion: 1, designHash: 'x', totalMs: 80_000 },
      100,
    );
    await first.close();
    first = await teamOrchestrator(scratch.location, designs.url(), prefix);
    expect((await waitFor(first, run.id)).status).toBe('succeeded');
    expect((await waitFor(first, orphan!.id)).status).toBe('succeeded');
  }, 60_000);
});
