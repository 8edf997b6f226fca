import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '@faultline/db';
import { startService, type RunningService } from '@faultline/service-kit';
import { checkoutExample, type Run } from '@faultline/schemas';
import { busyCheckout, ORCHESTRATOR_ENTRY, provider, useDesignService } from './helper.ts';

const designs = useDesignService();

// The orchestrator as people run it: its own process, killed without warning in the middle of
// a run, then started again on the same database.
describe('a run survives a restart of the orchestrator', () => {
  let scratch: ScratchDatabase;
  let orchestrator: RunningService | undefined;
  const start = () =>
    startService('orchestrator', ORCHESTRATOR_ENTRY, {
      ...process.env,
      DATABASE_URL: scratch.location.url,
      DESIGN_SERVICE_URL: designs.url(),
      WORKERS: '1',
      LOG_LEVEL: 'warn',
    });
  const get = async <T>(path: string) => (await (await fetch(`${orchestrator!.url}${path}`)).json()) as T;

  beforeAll(async () => {
    scratch = await createScratchDatabase(provider);
  });
  afterAll(async () => {
    await orchestrator?.stop();
    await scratch?.drop();
  });

  it('is taken up again at start and completes', async () => {
    orchestrator = await start();
    const stored = await designs.create(busyCheckout(checkoutExample, 2_000));
    const created = await fetch(`${orchestrator.url}/api/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ designId: stored.id, settings: { durationMs: 600_000, seed: 9 } }),
    });
    expect(created.status).toBe(202);
    const { id } = (await created.json()) as Run;

    // Running, with progress saved, then killed.
    let run: Run;
    do {
      await new Promise((r) => setTimeout(r, 100));
      run = await get<Run>(`/api/runs/${id}`);
    } while (!(run.status === 'running' && run.progress.events > 0));
    expect(run.progress.percent).toBeLessThan(100);
    const killed = new Promise((resolve) => orchestrator!.process.once('exit', resolve));
    orchestrator.process.kill('SIGKILL');
    await killed;

    orchestrator = await start();
    const deadline = Date.now() + 80_000;
    do {
      await new Promise((r) => setTimeout(r, 200));
      run = await get<Run>(`/api/runs/${id}`);
    } while (run.status !== 'succeeded' && run.status !== 'failed' && Date.now() < deadline);
    expect(run).toMatchObject({ status: 'succeeded', error: null, progress: { percent: 100 } });
    const result = await get<{ result: { totals: { requests: number } } }>(`/api/runs/${id}/result`);
    expect(result.result.totals.requests).toBeGreaterThan(1_000_000);
  });
});
