import { describe, expect, it } from 'vitest';
import { RunSettingsSchema } from './run.ts';
import { toFieldIssues, toJsonPointer } from './errors.ts';

describe('run settings', () => {
  it('fill in seed, warm-up, replications and the single scenario', () => {
    expect(RunSettingsSchema.parse({ durationMs: 60_000 })).toEqual({
      durationMs: 60_000,
      warmupMs: 0,
      seed: 1,
      replications: 1,
      scenario: { kind: 'single' },
    });
  });

  it.each([
    [{ durationMs: 0 }, '/durationMs'],
    [{ durationMs: 10_000, warmupMs: 10_000 }, '/warmupMs'],
    [{ durationMs: 10_000, seed: 1.5 }, '/seed'],
    [{ durationMs: 10_000, replications: 0 }, '/replications'],
    [
      { durationMs: 10_000, scenario: { kind: 'sweep', parameter: 'faults.0', from: 0, to: 1, steps: 5 } },
      '/scenario/parameter',
    ],
    [
      {
        durationMs: 10_000,
        scenario: { kind: 'sweep', parameter: '/faults/0/schedule/probability', from: 0, to: 1, steps: 1 },
      },
      '/scenario/steps',
    ],
    [{ durationMs: 10_000, scenario: { kind: 'chaos-monkey' } }, '/scenario/kind'],
    [{ durationMs: 10 * 24 * 3600 * 1000 }, '/durationMs'],
  ])('refuse %j at %s', (input, path) => {
    const result = RunSettingsSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(toFieldIssues(result.error!).map((i) => i.path)).toContain(path);
  });
});

describe('field paths', () => {
  it('are JSON pointers with ~ and / escaped', () => {
    expect(toJsonPointer(['components', 0, 'a/b~c'])).toBe('/components/0/a~1b~0c');
    expect(toJsonPointer([])).toBe('');
  });
});
