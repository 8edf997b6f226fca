import { describe, expect, it } from 'vitest';
import { runScenario } from '@faultline/runs';
import { checkoutExample, DesignSchema, RunSettingsSchema, type RunProgress } from '@faultline/schemas';
import { runOnThreads } from './run-on-threads.ts';

const design = DesignSchema.parse(checkoutExample);
const settings = RunSettingsSchema.parse({
  durationMs: 30_000,
  warmupMs: 0,
  seed: 11,
  replications: 2,
  scenario: { kind: 'defence-analysis' },
});

describe('a scenario on several threads', () => {
  it('gives the same bytes as one thread, and reports its progress up to the whole', async () => {
    const reports: RunProgress[] = [];
    const running = new Set<number>();
    const threads = new Set<string>();
    let most = 0;
    const threaded = await runOnThreads(design, settings, {
      workers: 2,
      onProgress: (p) => reports.push(p),
      onPart: (part) => {
        if (part.status === 'running') running.add(part.index);
        else running.delete(part.index);
        most = Math.max(most, running.size);
        if (part.worker) threads.add(part.worker);
      },
    });
    expect(JSON.stringify(threaded)).toBe(JSON.stringify(runScenario(design, settings)));
    // Two variants × two replications plus the design as it is, two at a time on two threads.
    expect(most).toBe(2);
    expect(threads.size).toBe(2);
    expect(reports.at(-1)).toMatchObject({ percent: 100 });
    expect(reports.at(-1)!.totalMs).toBe(reports.at(-1)!.simulatedMs);
  });

  it('says why when a part fails', async () => {
    // A design the engine cannot run: parts fail with the engine's reason, not a hang.
    const broken = { ...design, components: [] };
    await expect(runOnThreads(broken, settings, { workers: 2 })).rejects.toThrow(/internal error/);
  });
});
