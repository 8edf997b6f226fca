import { describe, expect, it } from 'vitest';
import { DesignSchema, operationsExample, RunResultSchema } from '@faultline/schemas';
import { simulate } from '@faultline/sim-engine';
import { runScenario } from './scenario-run.ts';
import { settings } from './test-designs.test-helpers.ts';

// Request classes (SPEC §3.7) through every scenario: each leg's result carries them.
const shop = DesignSchema.parse(operationsExample);

describe('request classes in scenarios', () => {
  it('replications summarise each class, over the same runs as the headline figures', () => {
    const run = runScenario(shop, settings({ replications: 2 }));
    if (run.scenario !== 'single') throw new Error(run.scenario);
    const { replications, classes } = run.result;
    expect(Object.keys(classes!)).toEqual(['browse', 'checkout']);
    const perSeed = [7, 8].map((seed) => simulate(shop, settings({ seed })).classes!.checkout!);
    const availability = perSeed.map((c) => (c.succeeded + c.degraded) / c.requests);
    const metric = replications!.metrics['classes.checkout.availability']!;
    expect(metric.mean).toBeCloseTo((availability[0]! + availability[1]!) / 2, 6);
    expect(metric.low).toBeLessThanOrEqual(metric.mean);
    expect(replications!.metrics['classes.browse.p99LatencyMs']).toBeDefined();
    // The time series are the first replication's, each class's as the run's.
    const first = simulate(shop, settings({ seed: 7 })).timeSeries;
    expect(run.result.timeSeries.p99).toEqual(first.p99);
    expect(run.result.timeSeries.classes).toEqual(first.classes);
    expect(Object.keys(first.classes!)).toEqual(['browse', 'checkout']);
    expect(() => RunResultSchema.parse(run)).not.toThrow();
  });

  it('baseline-vs-chaos carries the classes on both sides: the fault on payments fails checkout only', () => {
    const run = runScenario(shop, settings({ scenario: { kind: 'baseline-vs-chaos' } }));
    if (run.scenario !== 'baseline-vs-chaos') throw new Error(run.scenario);
    expect(run.baseline.classes!.checkout!.failed).toBe(0);
    expect(run.chaos.classes!.checkout!.failed).toBeGreaterThan(0);
    expect(run.chaos.classes!.browse!.failed).toBe(0);
    expect(run.chaos.classes!.browse!.requests).toBe(run.baseline.classes!.browse!.requests);
  });

  it("a sweep's breaking point is where a class first fails its own targets", () => {
    const sweep = { kind: 'sweep', parameter: '/faults/0/schedule/probability', from: 0, to: 1, steps: 3 } as const;
    const run = runScenario(shop, settings({ scenario: sweep }));
    if (run.scenario !== 'sweep') throw new Error(run.scenario);
    // Checkout is a tenth of the traffic: failing it all for 10 s keeps the whole above 95 %.
    expect(run.points[1]!.headline.availability).toBeGreaterThan(0.95);
    expect(run.points.map((p) => p.sloPassed)).toEqual([true, false, false]);
    expect(run.breakingPoint).toEqual({
      step: 1,
      value: 0.5,
      failedTargets: [],
      failedClasses: { checkout: ['availability'] },
    });
  });
});
