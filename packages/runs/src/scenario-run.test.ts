import { describe, expect, it } from 'vitest';
import { DesignSchema } from '@faultline/schemas';
import { simulate } from '@faultline/sim-engine';
import { createScenarioRun, runScenario, sloPassed } from './scenario-run.ts';
import { checkSweep } from './sweep.ts';
import { checkout, settings } from './test-designs.test-helpers.ts';

describe('scenarios', () => {
  it('single is exactly the engine result', () => {
    const run = runScenario(checkout, settings());
    expect(run).toEqual({ scenario: 'single', result: simulate(checkout, settings()) });
  });

  it('baseline-vs-chaos sees the same traffic with faults off and on, and reports the difference', () => {
    const run = runScenario(checkout, settings({ scenario: { kind: 'baseline-vs-chaos' } }));
    if (run.scenario !== 'baseline-vs-chaos') throw new Error(run.scenario);
    expect(run.baseline.totals.requests).toBe(run.chaos.totals.requests);
    expect(run.baseline.faultWindows).toEqual([]);
    expect(run.baseline.totals.failed).toBe(0);
    expect(run.chaos.faultWindows.map((w) => w.faultId)).toEqual(['db-outage']);
    // Latency degradation is against the baseline run's p99.
    const [window] = run.chaos.faultWindows;
    const own = simulate(checkout, settings()).faultWindows[0]!;
    expect(window!.latencyDegradationMs).not.toBe(own.latencyDegradationMs);
    expect(run.chaos.totals.failed).toBeGreaterThan(1000);
    const lost =
      (run.chaos.totals.succeeded + run.chaos.totals.degraded - run.baseline.totals.succeeded) /
      run.chaos.totals.requests;
    expect(run.difference.availability).toBeCloseTo(lost, 10);
    expect(sloPassed(run)).toBe(run.chaos.slo.passed);
  });

  it('sweep steps the parameter and finds where the system collapses', () => {
    const sweep = { kind: 'sweep', parameter: '/faults/0/schedule/probability', from: 0, to: 1, steps: 5 } as const;
    // Database errors for the whole run, on a growing share of requests.
    const design = DesignSchema.parse({
      ...checkout,
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
    const run = runScenario(design, settings({ scenario: sweep }));
    if (run.scenario !== 'sweep') throw new Error(run.scenario);
    expect(run.points.map((p) => p.value)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    const rates = run.points.map((p) => p.successRate!);
    expect(rates[0]).toBe(1);
    for (let i = 1; i < rates.length; i++) expect(rates[i]).toBeLessThan(rates[i - 1]!);
    const firstBelow = run.points.find((p) => p.successRate! < 0.1)!;
    expect(run.collapse).toEqual({ step: firstBelow.step, value: firstBelow.value });
    expect(run.points.every((p) => p.requests === run.points[0]!.requests)).toBe(true);
  });

  it('finds the breaking point: the first step of an error sweep that fails the availability target', () => {
    const sweep = { kind: 'sweep', parameter: '/faults/0/schedule/probability', from: 0, to: 0.4, steps: 5 } as const;
    const design = DesignSchema.parse({
      ...checkout,
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
    const run = runScenario(design, settings({ scenario: sweep }));
    if (run.scenario !== 'sweep') throw new Error(run.scenario);
    // The API retries three times: a few database errors are absorbed, more are not.
    const availability = run.points.map((p) => p.headline.availability!);
    const crossing = availability.findIndex((a) => a < checkout.slo.availability!);
    expect(crossing).toBeGreaterThan(0);
    expect(run.breakingPoint).toEqual({
      step: crossing,
      value: run.points[crossing]!.value,
      failedTargets: expect.arrayContaining(['availability', 'errorRate']),
    });
    // Nothing reached the collapse: the breaking point is what tells the user where it broke.
    expect(run.collapse).toBeNull();
  });

  it('has no breaking point when every step holds its SLO', () => {
    const sweep = { kind: 'sweep', parameter: '/workload/arrival/ratePerSecond', from: 50, to: 100, steps: 2 } as const;
    const calm = { ...checkout, faults: [] };
    const run = runScenario(calm, settings({ durationMs: 10_000, scenario: sweep }));
    if (run.scenario !== 'sweep') throw new Error(run.scenario);
    expect(run.points.every((p) => p.sloPassed)).toBe(true);
    expect(run.breakingPoint).toBeNull();
  });

  it('reports progress across every simulation of the scenario, ending at 100 %', () => {
    const run = createScenarioRun(checkout, settings({ scenario: { kind: 'baseline-vs-chaos' }, replications: 2 }));
    const seen: number[] = [];
    let last;
    while (!run.done) {
      last = run.advance(20_000);
      seen.push(last.percent);
    }
    expect(last!.totalMs).toBe(4 * 40_000);
    expect(seen.at(-1)).toBe(100);
    expect(seen.slice(1).every((p, i) => p >= seen[i]!)).toBe(true);
    expect(seen.some((p) => p > 30 && p < 70)).toBe(true);
    expect(run.result().scenario).toBe('baseline-vs-chaos');
  });
});

describe('checkSweep', () => {
  it('names a parameter that is not a number of the design', () => {
    expect(
      checkSweep(checkout, { kind: 'sweep', parameter: '/faults/9/schedule/probability', from: 0, to: 1, steps: 3 }),
    ).toEqual([
      { path: '/settings/scenario/parameter', message: '/faults/9/schedule/probability is not in the design' },
    ]);
    expect(checkSweep(checkout, { kind: 'sweep', parameter: '/name', from: 0, to: 1, steps: 3 })[0]!.message).toMatch(
      /not a number/,
    );
  });

  it.each([
    '/components/__proto__/length',
    '/faults/length',
    '/components/0/constructor/length',
    '/__proto__/valueOf/length',
    '/components/01/replicas',
  ])('follows own fields only: %s is not in the design', (parameter) => {
    const sweep = { kind: 'sweep', parameter, from: 1, to: 5, steps: 3 } as const;
    expect(checkSweep(checkout, sweep)).toEqual([
      { path: '/settings/scenario/parameter', message: `${parameter} is not in the design` },
    ]);
    // Nothing reached through the pointer was changed.
    expect(Array.prototype.length).toBe(0);
    expect(checkout.faults).toHaveLength(1);
  });

  it('never builds a step through a pointer that names no number of the design', () => {
    const sweep = { kind: 'sweep', parameter: '/components/__proto__/length', from: 1, to: 5, steps: 3 } as const;
    expect(() => runScenario(checkout, settings({ scenario: sweep }))).toThrow(/is not in the design/);
    expect(Array.prototype.length).toBe(0);
  });

  it('names a step between valid ends that makes the design invalid', () => {
    // 1 and 2 replicas are fine; the middle step, 1.5, is not a whole number.
    const sweep = { kind: 'sweep', parameter: '/components/1/replicas', from: 1, to: 2, steps: 3 } as const;
    expect(checkSweep(checkout, sweep)).toEqual([
      {
        path: '/settings/scenario/steps',
        message: expect.stringMatching(/^step 2 sets \/components\/1\/replicas = 1\.5, which makes the design invalid/),
      },
    ]);
  });

  it('names the end of the range that makes the design invalid', () => {
    const issues = checkSweep(checkout, {
      kind: 'sweep',
      parameter: '/faults/0/schedule/probability',
      from: 0,
      to: 2,
      steps: 3,
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('/settings/scenario/to');
    expect(issues[0]!.message).toMatch(/probability = 2 makes the design invalid/);
  });
});
