import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { checkoutExample, RunResultSchema, type Run, type RunResult } from '@faultline/schemas';
import { launch, problemOf, useDesignService, useOrchestrator, waitFor } from '../helper.ts';

const designs = useDesignService();
const app = useOrchestrator(designs.url);

describe('GET /api/runs/:id/export', () => {
  let run: Run;
  let result: Extract<RunResult, { scenario: 'single' }>['result'];
  beforeAll(async () => {
    const stored = await designs.create(checkoutExample);
    run = await waitFor(
      app(),
      (await launch(app(), { designId: stored.id, settings: { durationMs: 40_000, warmupMs: 5_000 } })).id,
    );
    const body = RunResultSchema.parse(
      (await app().inject({ method: 'GET', url: `/api/runs/${run.id}/result` })).json(),
    );
    if (body.scenario !== 'single') throw new Error(body.scenario);
    result = body.result;
  });

  const download = (format: string) =>
    app().inject({ method: 'GET', url: `/api/runs/${run.id}/export?format=${format}` });

  it('gives the result as a JSON file', async () => {
    const response = await download('json');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="faultline-run-${run.id.slice(0, 8)}.json"`,
    );
    expect(response.json()).toEqual({ scenario: 'single', result });
  });

  it('gives the time series as CSV a CSV reader reads back', async () => {
    const response = await download('csv');
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const rows: Record<string, string>[] = parse(response.body, { columns: true });
    expect(rows).toHaveLength(result.timeSeries.throughput.length);
    expect(rows.map((r) => Number(r.throughput_rps))).toEqual(result.timeSeries.throughput);
  });

  it('gives Prometheus text a parser reads, labelled by run and design', async () => {
    const response = await download('prom');
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const families = parsePrometheusTextFormat(response.body);
    const mttr = families.find((f) => f.name === 'chaos_mttr_seconds')!;
    expect(mttr.metrics).toEqual([
      { labels: { run: run.id, design: run.designId }, value: String(result.mttrMs! / 1000) },
    ]);
    const passed = families.find((f) => f.name === 'chaos_slo_passed')!;
    expect(Number(passed.metrics[0]!.value)).toBe(result.slo.passed ? 1 : 0);
  });

  it('gives a Markdown report', async () => {
    const response = await download('md');
    expect(response.body).toContain(`# Faultline run ${run.id}: checkout`);
    expect(response.body).toContain('### Fault windows');
    // It opens with what became of the fault, by name, and names components as the run's design does.
    expect(response.body).toMatch(/## Verdict[\s\S]*- Database brief outage \(20–30 s\): recovered/);
    expect(response.body).toContain('| Orders DB |');
  });

  it('names the defences of a defence analysis by the design the run ran', async () => {
    const stored = await designs.create(checkoutExample);
    const settings = { durationMs: 30_000, scenario: { kind: 'defence-analysis' } };
    const analysis = await waitFor(app(), (await launch(app(), { designId: stored.id, settings })).id);
    expect(analysis.status).toBe('succeeded');
    const response = await app().inject({ method: 'GET', url: `/api/runs/${analysis.id}/export?format=md` });
    expect(response.body).toContain('## Defences');
    expect(response.body).toMatch(/\| Retry on Checkout API → Orders DB \| (helped|hurt|no-effect) \|/);
    expect(response.body).toMatch(/\| Timeout on Checkout API \(all calls\) \| (helped|hurt|no-effect) \|/);
  });

  it('refuses an unknown format, naming the field', async () => {
    const response = await download('xml');
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors![0]!.path).toBe('/format');
  });
});

describe('GET /api/scenario-presets', () => {
  it('lists the presets, and fills in faults for a chosen target', async () => {
    const list = (await app().inject({ method: 'GET', url: '/api/scenario-presets' })).json().items;
    expect(list.map((p: { id: string }) => p.id)).toContain('database-outage-extended');
    const faults = await app().inject({
      method: 'GET',
      url: '/api/scenario-presets/database-outage-extended/faults?component=db&startMs=15000',
    });
    expect(faults.json().items).toEqual([
      expect.objectContaining({
        id: 'database-outage-extended-db',
        type: 'crash',
        target: { component: 'db' },
        schedule: expect.objectContaining({ startMs: 15_000, durationMs: 30_000 }),
      }),
    ]);
  });

  it('refuses a target of the wrong kind and an unknown preset', async () => {
    const wrong = await app().inject({
      method: 'GET',
      url: '/api/scenario-presets/packet-loss-15/faults?component=db',
    });
    expect(wrong.statusCode).toBe(400);
    expect(problemOf(wrong).errors).toEqual([
      { path: '/component', message: 'the preset "packet-loss-15" applies to a connection, not a component' },
    ]);
    expect(
      (await app().inject({ method: 'GET', url: '/api/scenario-presets/nope/faults?component=db' })).statusCode,
    ).toBe(404);
  });
});
