import { describe, expect, it } from 'vitest';
import { runScenario } from '@faultline/runs';
import {
  checkoutExample,
  designOf,
  DesignSchema,
  RunResultSchema,
  RunSettingsSchema,
  type StoredDesign,
} from '@faultline/schemas';
import { launch, problemOf, useDesignService, useOrchestrator, waitFor } from '../helper.ts';

const designs = useDesignService();
const app = useOrchestrator(designs.url);
const settings = { durationMs: 40_000, warmupMs: 5_000, seed: 11 };

const expected = (stored: StoredDesign, input: object) =>
  runScenario(DesignSchema.parse(designOf(stored)), RunSettingsSchema.parse(input));

describe('POST /api/runs', () => {
  it("answers 202 with a queued run, which then succeeds with the real engine's result for the design as it was", async () => {
    const stored = await designs.create(checkoutExample);
    const response = await app().inject({
      method: 'POST',
      url: '/api/runs',
      payload: { designId: stored.id, settings },
    });
    expect(response.statusCode).toBe(202);
    const run = response.json();
    expect(response.headers.location).toBe(`/api/runs/${run.id}`);
    expect(run).toMatchObject({
      designId: stored.id,
      designName: 'checkout',
      designVersion: 1,
      status: 'queued',
      error: null,
    });

    // The design changes after launch; the run keeps the snapshot it took.
    const changed = await fetch(`${designs.url()}/api/designs/${stored.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...designOf(stored), faults: [], version: 1 }),
    });
    expect(changed.status).toBe(200);

    const done = await waitFor(app(), run.id);
    expect(done.status).toBe('succeeded');
    expect(done.progress.percent).toBe(100);
    expect(done.startedAt).not.toBeNull();
    expect(done.finishedAt! >= done.startedAt!).toBe(true);
    const result = await app().inject({ method: 'GET', url: `/api/runs/${run.id}/result` });
    expect(result.statusCode).toBe(200);
    const body = RunResultSchema.parse(result.json());
    expect(body).toEqual(expected(stored, settings));
    if (body.scenario !== 'single') throw new Error(body.scenario);
    expect(body.result.faultWindows.map((w) => w.faultId)).toEqual(['db-outage']);
    expect(done.sloPassed).toBe(body.result.slo.passed);
    expect(done.designHash).toBe(body.result.designHash);
    // The snapshot it ran, with the fault the design has lost since: names for its result.
    const snapshot = await app().inject({ method: 'GET', url: `/api/runs/${run.id}/design` });
    expect(snapshot.statusCode).toBe(200);
    expect(snapshot.json().faults.map((f: { name: string }) => f.name)).toEqual(['Database brief outage']);
    const missing = await app().inject({ method: 'GET', url: '/api/runs/00000000-0000-4000-8000-000000000000/design' });
    expect(missing.statusCode).toBe(404);
  });

  it('runs baseline-vs-chaos: faults off and on over the same traffic', async () => {
    const stored = await designs.create(checkoutExample);
    const run = await launch(app(), {
      designId: stored.id,
      settings: { ...settings, scenario: { kind: 'baseline-vs-chaos' } },
    });
    expect((await waitFor(app(), run.id)).status).toBe('succeeded');
    const body = RunResultSchema.parse(
      (await app().inject({ method: 'GET', url: `/api/runs/${run.id}/result` })).json(),
    );
    if (body.scenario !== 'baseline-vs-chaos') throw new Error(body.scenario);
    expect(body.baseline.totals.requests).toBe(body.chaos.totals.requests);
    expect(body.difference.availability).toBeLessThan(0);
  });

  it('runs replications and reports each headline figure with its confidence interval', async () => {
    const stored = await designs.create(checkoutExample);
    const run = await launch(app(), { designId: stored.id, settings: { ...settings, replications: 3 } });
    expect((await waitFor(app(), run.id)).status).toBe('succeeded');
    const body = RunResultSchema.parse(
      (await app().inject({ method: 'GET', url: `/api/runs/${run.id}/result` })).json(),
    );
    if (body.scenario !== 'single') throw new Error(body.scenario);
    expect(body.result.replications!.count).toBe(3);
    const availability = body.result.replications!.metrics.availability!;
    expect(availability.low).toBeLessThanOrEqual(availability.mean);
    expect(availability.high).toBeGreaterThan(availability.low);
  });

  it('refuses an unknown design, naming the field, and queues nothing', async () => {
    const response = await app().inject({
      method: 'POST',
      url: '/api/runs',
      payload: { designId: 'no-such-design', settings },
    });
    expect(response.statusCode).toBe(422);
    expect(problemOf(response)).toMatchObject({ code: 'RUN_DESIGN_NOT_FOUND', errors: [{ path: '/designId' }] });
    expect((await app().inject({ method: 'GET', url: '/api/runs?designId=no-such-design' })).json().items).toEqual([]);
  });

  it.each(['.', '..', '%2F', '..%2F..%2Fhealth', 'a b', '/api/designs'])(
    'refuses %j as a design id with 422 naming designId, never asking the design service for it',
    async (designId) => {
      const response = await app().inject({ method: 'POST', url: '/api/runs', payload: { designId, settings } });
      expect(response.statusCode).toBe(422);
      expect(problemOf(response)).toMatchObject({
        code: 'RUN_DESIGN_NOT_FOUND',
        errors: [{ path: '/designId', message: 'is not a design id: 1 to 64 letters, digits, "-" or "_"' }],
      });
      const listed = await app().inject({ method: 'GET', url: `/api/runs?designId=${encodeURIComponent(designId)}` });
      expect(listed.json().items).toEqual([]);
    },
  );

  it('refuses invalid settings with every failing field, and queues nothing', async () => {
    const stored = await designs.create(checkoutExample);
    const response = await app().inject({
      method: 'POST',
      url: '/api/runs',
      payload: {
        designId: stored.id,
        settings: { durationMs: 1000, warmupMs: 5000, seed: -1, scenario: { kind: 'chaos' } },
      },
    });
    expect(response.statusCode).toBe(400);
    const paths = problemOf(response)
      .errors!.map((e) => e.path)
      .sort();
    expect(paths).toEqual(['/settings/scenario/kind', '/settings/seed']);
    expect((await app().inject({ method: 'GET', url: `/api/runs?designId=${stored.id}` })).json().items).toEqual([]);
  });

  it('refuses a sweep whose parameter is not a number of the design', async () => {
    const stored = await designs.create(checkoutExample);
    const sweep = { kind: 'sweep', parameter: '/faults/0/params/mode', from: 0, to: 1, steps: 3 };
    const response = await app().inject({
      method: 'POST',
      url: '/api/runs',
      payload: { designId: stored.id, settings: { ...settings, scenario: sweep } },
    });
    expect(response.statusCode).toBe(422);
    expect(problemOf(response)).toMatchObject({
      code: 'RUN_INVALID',
      errors: [
        { path: '/settings/scenario/parameter', message: '/faults/0/params/mode is not a number in the design' },
      ],
    });
  });

  it.each(['/components/__proto__/length', '/faults/length', '/components/0/constructor/name'])(
    "refuses a sweep of %s: a pointer follows the design's own fields only",
    async (parameter) => {
      const stored = await designs.create(checkoutExample);
      const sweep = { kind: 'sweep', parameter, from: 1, to: 5, steps: 3 };
      const response = await app().inject({
        method: 'POST',
        url: '/api/runs',
        payload: { designId: stored.id, settings: { ...settings, scenario: sweep } },
      });
      expect(response.statusCode).toBe(422);
      expect(problemOf(response).errors).toEqual([
        { path: '/settings/scenario/parameter', message: `${parameter} is not in the design` },
      ]);
      expect(Array.prototype.length).toBe(0);
    },
  );

  it('refuses a workload whose load profile spikes past the event limit, naming the spike', async () => {
    const spiky = await designs.create({
      ...checkoutExample,
      workload: {
        ...checkoutExample.workload,
        profile: [{ kind: 'spike', atMs: 1_000, durationMs: 1, multiplier: 1e9 }],
      },
    });
    const response = await app().inject({
      method: 'POST',
      url: '/api/runs',
      payload: { designId: spiky.id, settings },
    });
    expect(response.statusCode).toBe(422);
    expect(problemOf(response)).toMatchObject({ code: 'RUN_LIMIT_EXCEEDED' });
    expect(problemOf(response).errors!.map((e) => e.path)).toContain('/workload/profile/0/multiplier');
    expect(problemOf(response).errors![0]!.message).toMatch(/over the limit of 1000000000 events per run$/);
    expect((await app().inject({ method: 'GET', url: `/api/runs?designId=${spiky.id}` })).json().items).toEqual([]);
  });

  it('runs a sweep and reports the curve with its collapse point', async () => {
    const stored = await designs.create({
      ...checkoutExample,
      faults: [
        {
          id: 'db-errors',
          name: 'DB errors',
          type: 'error',
          target: { component: 'db' },
          params: { errorTypes: ['internal-error'] },
        },
      ],
    });
    const sweep = { kind: 'sweep', parameter: '/faults/0/schedule/probability', from: 0, to: 1, steps: 3 };
    const run = await launch(app(), { designId: stored.id, settings: { ...settings, scenario: sweep } });
    expect(run.progress.totalMs).toBe(3 * settings.durationMs);
    expect((await waitFor(app(), run.id)).status).toBe('succeeded');
    const body = RunResultSchema.parse(
      (await app().inject({ method: 'GET', url: `/api/runs/${run.id}/result` })).json(),
    );
    if (body.scenario !== 'sweep') throw new Error(body.scenario);
    expect(body.points.map((p) => p.value)).toEqual([0, 0.5, 1]);
    expect(body.collapse).toEqual({ step: 2, value: 1 });
  });

  it('runs a defence analysis: the design as it is, then each policy removed, with its verdict', async () => {
    const stored = await designs.create(checkoutExample);
    const input = { ...settings, durationMs: 30_000, scenario: { kind: 'defence-analysis' } };
    const run = await launch(app(), { designId: stored.id, settings: input });
    // The design as it is and one run per policy (the API's timeout and its retry).
    expect(run.progress.totalMs).toBe(3 * input.durationMs);
    const done = await waitFor(app(), run.id);
    expect(done.status).toBe('succeeded');
    const body = RunResultSchema.parse(
      (await app().inject({ method: 'GET', url: `/api/runs/${run.id}/result` })).json(),
    );
    expect(body).toEqual(expected(stored, input));
    if (body.scenario !== 'defence-analysis') throw new Error(body.scenario);
    expect(body.defences.map((d) => `${d.policy.component} ${d.policy.type}`).sort()).toEqual([
      'api retry',
      'api timeout',
    ]);
    expect(done.sloPassed).toBe(body.chaos.slo.passed);
  });

  it('warns at launch about faults the run will never see', async () => {
    const stored = await designs.create(checkoutExample);
    // The outage starts at 20 s: a 15 s run never reaches it; a 25 s warm-up hides its start.
    const short = await app().inject({
      method: 'POST',
      url: '/api/runs',
      payload: { designId: stored.id, settings: { durationMs: 15_000 } },
    });
    expect(short.statusCode).toBe(202);
    expect(short.json().warnings).toEqual([
      {
        faultId: 'db-outage',
        message: '"Database brief outage" starts at 20 s, after the run ends at 15 s: it will never be active.',
      },
    ]);
    const late = await launch(app(), { designId: stored.id, settings: { durationMs: 60_000, warmupMs: 25_000 } });
    expect((late as unknown as { warnings: { message: string }[] }).warnings[0]!.message).toContain(
      'within the warm-up of 25 s',
    );
    const fine = await launch(app(), { designId: stored.id, settings });
    expect((fine as unknown as { warnings: unknown[] }).warnings).toEqual([]);
  });

  it('refuses a defence analysis with stray options, naming the field', async () => {
    const stored = await designs.create(checkoutExample);
    const response = await app().inject({
      method: 'POST',
      url: '/api/runs',
      payload: { designId: stored.id, settings: { ...settings, scenario: { kind: 'defence-analysis', steps: 3 } } },
    });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors!.map((e) => e.path)).toEqual(['/settings/scenario/steps']);
  });

  it('lists runs of a design, newest first', async () => {
    const stored = await designs.create(checkoutExample);
    const first = await launch(app(), { designId: stored.id, settings });
    const second = await launch(app(), { designId: stored.id, settings: { ...settings, seed: 12 } });
    await waitFor(app(), second.id);
    const items = (await app().inject({ method: 'GET', url: `/api/runs?designId=${stored.id}` })).json().items;
    expect(items.map((r: { id: string }) => r.id)).toEqual([second.id, first.id]);
  });

  it('has no result for an unknown run', async () => {
    const response = await app().inject({ method: 'GET', url: '/api/runs/nope/result' });
    expect(response.statusCode).toBe(404);
    expect(problemOf(response).code).toBe('RUN_NOT_FOUND');
  });
});
