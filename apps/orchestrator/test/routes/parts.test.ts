import { describe, expect, it } from 'vitest';
import { runScenario } from '@faultline/runs';
import { checkoutExample, DesignSchema, type Run, type RunSettingsInput } from '@faultline/schemas';
import { busyCheckout, launch, useDesignService, useOrchestrator, waitFor } from '../helper.ts';

const designs = useDesignService();

/** A sweep of the outage's length: four parts of a second's work or so each. */
const sweep: RunSettingsInput = {
  durationMs: 20_000,
  warmupMs: 0,
  seed: 5,
  scenario: { kind: 'sweep', parameter: '/faults/0/schedule/durationMs', from: 5_000, to: 20_000, steps: 4 },
};

const running = (run: Run) => run.parts.filter((p) => p.status === 'running');

describe('the parts of a run share the worker threads', () => {
  const app = useOrchestrator(designs.url, { WORKERS: 2 });

  it('runs a sweep on both threads at once and gives the same bytes as one thread', async () => {
    const design = await designs.create(busyCheckout(checkoutExample, 500));
    const run = await launch(app(), { designId: design.id, settings: sweep });

    const both = await waitFor(app(), run.id, (r) => running(r).length === 2 || r.status !== 'running');
    expect(running(both).map((p) => p.index)).toEqual([0, 1]);
    expect(new Set(running(both).map((p) => p.worker)).size).toBe(2);

    const ended = await waitFor(app(), run.id);
    expect(ended.status).toBe('succeeded');
    expect(ended.parts.map((p) => [p.kind, p.leg, p.status])).toEqual([
      ['step', 0, 'succeeded'],
      ['step', 1, 'succeeded'],
      ['step', 2, 'succeeded'],
      ['step', 3, 'succeeded'],
    ]);
    expect(ended.progress.percent).toBe(100);
    const body = (await app().inject({ method: 'GET', url: `/api/runs/${run.id}/result` })).body;
    const snapshot = DesignSchema.parse(
      (await app().inject({ method: 'GET', url: `/api/runs/${run.id}/design` })).json(),
    );
    expect(body).toBe(JSON.stringify(runScenario(snapshot, ended.settings)));
  });

  it('cancels every part of a run at once', async () => {
    const design = await designs.create(busyCheckout(checkoutExample, 2_000));
    const long = { ...sweep, durationMs: 3_600_000 };
    const run = await launch(app(), { designId: design.id, settings: long });
    await waitFor(app(), run.id, (r) => running(r).length === 2);

    const cancelled = await app().inject({ method: 'POST', url: `/api/runs/${run.id}/cancel` });
    expect(cancelled.json().status).toBe('cancelled');
    const after = await waitFor(app(), run.id, (r) => r.parts.every((p) => p.status === 'cancelled'));
    expect(after.parts.filter((p) => p.finishedAt !== null).map((p) => p.index)).toEqual([0, 1]);
    // Both threads are free again: the next run starts at once.
    const next = await launch(app(), { designId: design.id, settings: sweep });
    expect(running(await waitFor(app(), next.id, (r) => running(r).length === 2))).toHaveLength(2);
    await app().inject({ method: 'POST', url: `/api/runs/${next.id}/cancel` });
  });
});

describe('the wall-clock limit', () => {
  const app = useOrchestrator(designs.url, { MAX_RUN_WALL_MS: 1_500, MAX_RUN_DURATION_MS: 3_600_000 });

  it('stops a run that takes longer than it, and says why', async () => {
    const design = await designs.create(busyCheckout(checkoutExample, 2_000));
    const run = await launch(app(), { designId: design.id, settings: { durationMs: 3_600_000 } });
    const failed = await waitFor(app(), run.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/stopped after 1.5 s of wall-clock time, the limit per run/);
    expect(failed.parts[0]).toMatchObject({ status: 'cancelled' });
  });
});
