import { describe, expect, it } from 'vitest';
import type { RunSettings, SimulationResult } from '@faultline/schemas';
import { assemble, partsOf, startPart } from './parts.ts';
import { runScenario } from './scenario-run.ts';
import { checkout, settings } from './test-designs.test-helpers.ts';

const runPart = (part: ReturnType<typeof partsOf>[number], baseline?: SimulationResult) => {
  const simulation = startPart(part, baseline);
  while (!simulation.done) simulation.advance();
  return simulation.result();
};

/** Runs the parts in the given order (as threads finishing in any order would) and assembles them. */
function assembledOutOfOrder(scenarioSettings: RunSettings, order: (n: number) => number[]): string {
  const parts = partsOf(checkout, scenarioSettings);
  const results: SimulationResult[] = [];
  const pending = order(parts.length);
  while (pending.length) {
    // A part that needs another's result waits for it, as the orchestrator's scheduler does.
    const at = pending.findIndex((i) => parts[i]!.after === null || results[parts[i]!.after!] !== undefined);
    const [i] = pending.splice(at, 1);
    results[i!] = runPart(parts[i!]!, parts[i!]!.after === null ? undefined : results[parts[i!]!.after!]);
  }
  return JSON.stringify(assemble(checkout, scenarioSettings, parts, results));
}

const backwards = (n: number) => Array.from({ length: n }, (_, i) => n - 1 - i);

describe('parts', () => {
  it('splits each scenario into one part per leg and replication', () => {
    const count = (overrides: Parameters<typeof settings>[0]) => partsOf(checkout, settings(overrides)).length;
    expect(count({ replications: 3 })).toBe(3);
    expect(count({ scenario: { kind: 'baseline-vs-chaos' }, replications: 2 })).toBe(4);
    const sweep = {
      kind: 'sweep',
      parameter: '/faults/0/schedule/durationMs',
      from: 1000,
      to: 9000,
      steps: 5,
    } as const;
    expect(count({ scenario: sweep, replications: 2 })).toBe(10);
    const kinds = partsOf(checkout, settings({ scenario: { kind: 'baseline-vs-chaos' }, replications: 2 }));
    expect(kinds.map((p) => [p.kind, p.replication, p.settings.seed, p.after])).toEqual([
      ['baseline', 0, 7, null],
      ['baseline', 1, 8, null],
      ['chaos', 0, 7, 0],
      ['chaos', 1, 8, 1],
    ]);
  });

  it.each([
    ['replications', settings({ replications: 3 })],
    ['baseline-vs-chaos', settings({ scenario: { kind: 'baseline-vs-chaos' }, replications: 2 })],
    [
      'sweep',
      settings({
        scenario: { kind: 'sweep', parameter: '/faults/0/schedule/durationMs', from: 1000, to: 9000, steps: 3 },
      }),
    ],
    ['defence-analysis', settings({ scenario: { kind: 'defence-analysis' }, replications: 2 })],
  ])('%s: parts finishing in any order assemble to the same bytes as one thread', (_, scenarioSettings) => {
    const oneThread = JSON.stringify(runScenario(checkout, scenarioSettings));
    expect(assembledOutOfOrder(scenarioSettings, backwards)).toBe(oneThread);
  });
});
