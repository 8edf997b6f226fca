import { describe, expect, it } from 'vitest';
import { checkoutExample } from '@faultline/schemas';
import { busyCheckout, launch, problemOf, useDesignService, useOrchestrator, waitFor } from '../helper.ts';

const designs = useDesignService();
const anHour = { durationMs: 3_600_000, warmupMs: 0, seed: 3 };

describe('run lifecycle', () => {
  // One worker and room for three runs: enough to see queueing, cancelling and a full queue.
  const app = useOrchestrator(designs.url, { MAX_PENDING_RUNS: 3, MAX_RUN_DURATION_MS: 3_600_000 });

  it('cancels a running run and a queued one; a full queue answers 429; a cancelled run has no result', async () => {
    // 2,000 requests/s for an hour: over a hundred million events, far longer than this test on
    // any machine, so the run is still running when it is cancelled.
    const busy = await designs.create(busyCheckout(checkoutExample, 2_000));
    const running = await launch(app(), { designId: busy.id, settings: anHour });
    const queued = await launch(app(), { designId: busy.id, settings: anHour });
    const third = await launch(app(), { designId: busy.id, settings: anHour });

    const full = await app().inject({
      method: 'POST',
      url: '/api/runs',
      payload: { designId: busy.id, settings: anHour },
    });
    expect(full.statusCode).toBe(429);
    expect(problemOf(full).code).toBe('RUN_QUEUE_FULL');

    await waitFor(app(), running.id, (r) => r.status === 'running' && r.progress.events > 0);
    expect((await app().inject({ method: 'GET', url: `/api/runs/${queued.id}` })).json().status).toBe('queued');

    const cancelQueued = await app().inject({ method: 'POST', url: `/api/runs/${queued.id}/cancel` });
    expect(cancelQueued.json()).toMatchObject({ status: 'cancelled', startedAt: null });
    const cancelRunning = await app().inject({ method: 'POST', url: `/api/runs/${running.id}/cancel` });
    expect(cancelRunning.statusCode).toBe(200);
    expect(cancelRunning.json().status).toBe('cancelled');

    const again = await app().inject({ method: 'POST', url: `/api/runs/${running.id}/cancel` });
    expect(again.statusCode).toBe(409);
    expect(problemOf(again).code).toBe('RUN_ALREADY_FINISHED');
    const result = await app().inject({ method: 'GET', url: `/api/runs/${running.id}/result` });
    expect(result.statusCode).toBe(409);
    expect(problemOf(result).detail).toMatch(/ended as cancelled/);

    // The worker freed by the cancel takes the third run; the cancelled queued one stays cancelled.
    await waitFor(app(), third.id, (r) => r.status === 'running' && r.progress.events > 0);
    expect((await app().inject({ method: 'GET', url: `/api/runs/${queued.id}` })).json().status).toBe('cancelled');
    expect((await app().inject({ method: 'POST', url: `/api/runs/${third.id}/cancel` })).statusCode).toBe(200);
  });
});

describe('run limits', () => {
  const app = useOrchestrator(designs.url, { MAX_EVENTS_PER_RUN: 400_000, MAX_RUN_DURATION_MS: 3_600_000 });

  it('stops a run that passes the event limit as it runs, and says why', async () => {
    // 100 requests/s for an hour: 360 000 arrivals, under the limit up front, over it as it runs.
    const steady = await designs.create(busyCheckout(checkoutExample, 100));
    const run = await launch(app(), { designId: steady.id, settings: anHour });
    const failed = await waitFor(app(), run.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/stopped after [\d,]+ events, over the limit of 400,000 events per run/);
  });

  it('refuses runs past the duration and event limits up front, naming the field', async () => {
    const busy = await designs.create(busyCheckout(checkoutExample, 2_000));
    const tooLong = await app().inject({
      method: 'POST',
      url: '/api/runs',
      payload: { designId: busy.id, settings: { durationMs: 3_600_001 } },
    });
    expect(tooLong.statusCode).toBe(422);
    expect(problemOf(tooLong)).toMatchObject({
      code: 'RUN_LIMIT_EXCEEDED',
      errors: [{ path: '/settings/durationMs' }],
    });

    const tooMany = await app().inject({
      method: 'POST',
      url: '/api/runs',
      payload: { designId: busy.id, settings: { durationMs: 600_000 } },
    });
    expect(tooMany.statusCode).toBe(422);
    expect(problemOf(tooMany).detail).toMatch(/1200000 requests.*over the limit of 400000 events/);
    expect((await app().inject({ method: 'GET', url: `/api/runs?designId=${busy.id}` })).json().items).toEqual([]);
  });
});

describe('without a design service', () => {
  const orphan = useOrchestrator(() => 'http://127.0.0.1:9');

  it('answers 502 naming the design service but not its internal address, and queues nothing', async () => {
    const response = await orphan().inject({
      method: 'POST',
      url: '/api/runs',
      payload: { designId: 'any', settings: { durationMs: 1000 } },
    });
    expect(response.statusCode).toBe(502);
    expect(problemOf(response)).toMatchObject({ code: 'DESIGN_SERVICE_UNAVAILABLE' });
    expect(problemOf(response).detail).toBe('The design service did not answer');
    expect(response.body).not.toContain('127.0.0.1');
    expect((await orphan().inject({ method: 'GET', url: '/api/runs' })).json().items).toEqual([]);
  });
});
