import { describe, expect, it } from 'vitest';
import { DesignSchema, SimulationResultSchema, operationsExample, type SimulationResult } from '@faultline/schemas';
import { simulate } from '../index.ts';
import { settings } from '../testing.test-helpers.ts';
import { classesThroughOneServer, oneServer } from './operations.test-fixture.ts';

// Operations and request classes (SPEC §3.7).

const arrivalsPerBucket = (r: SimulationResult) =>
  r.timeSeries.succeeded.map((s, i) => s + r.timeSeries.degraded[i]! + r.timeSeries.failed[i]!);

describe('request classes against queueing theory', () => {
  it("two classes through one server are an M/G/1 queue: each class's W = its S + λE[S²] / (2(1 − ρ))", () => {
    // Constant service times of 2 and 10 ms, half the requests each: E[S] = 6 ms, E[S²] = 52 ms².
    // At λ = 0.1 per ms, ρ = 0.6 and the Pollaczek–Khinchine wait is 0.1 · 52 / 0.8 = 6.5 ms, the
    // same for both classes (FIFO does not know the class): 8.5 and 16.5 ms.
    const T = 1_000_000;
    const lambda = 0.1;
    const [short, long] = [2, 10];
    const meanS = (short + long) / 2;
    const meanS2 = (short ** 2 + long ** 2) / 2;
    const rho = lambda * meanS;
    const wait = (lambda * meanS2) / (2 * (1 - rho));
    const design = classesThroughOneServer(
      [
        { id: 'short', serviceTime: { kind: 'constant', value: short } },
        { id: 'long', serviceTime: { kind: 'constant', value: long } },
      ],
      { concurrency: 1, ratePerSecond: lambda * 1000 },
    );
    const result = simulate(design, settings({ durationMs: T, warmupMs: 10_000, seed: 3 }));

    // Tolerance from the run length, as in queueing-theory.test.ts: the queue relaxes over
    // τ ≈ E[S] / (1 − √ρ)² (about 120 ms here), so T ms hold about T / 2τ independent
    // observations; a class sees half of them (√2 more error), and a response time's coefficient
    // of variation is at most about 1.5 here. Four such standard errors: about 13 %, while a
    // server that ignored the operations' service times would be 20 % or more off for each class.
    const tau = meanS / (1 - Math.sqrt(rho)) ** 2;
    const tolerance = 4 * 1.5 * Math.sqrt((2 * tau) / T) * Math.SQRT2;
    for (const [id, service] of [
      ['short', short],
      ['long', long],
    ] as const) {
      const expected = service + wait;
      const measured = result.classes![id]!.latency.mean!;
      expect(Math.abs(measured - expected) / expected, `class ${id}: ${measured} vs ${expected}`).toBeLessThan(
        tolerance,
      );
    }
    // The server's own figures per operation: its latency is the same wait plus that operation's work.
    const operations = result.components.server!.operations!;
    expect(
      Math.abs(operations['op-long']!.latency.mean! - operations['op-short']!.latency.mean! - (long - short)),
    ).toBeLessThan((long - short) * tolerance);
    expect(Math.abs(result.components.server!.utilisation - rho)).toBeLessThan(0.01);
  });

  it('class shares follow the weights (binomial tolerance)', () => {
    const design = classesThroughOneServer(
      [
        { id: 'rare', weight: 1, serviceTime: { kind: 'constant', value: 1 } },
        { id: 'common', weight: 3, serviceTime: { kind: 'constant', value: 1 } },
        { id: 'even', serviceTime: { kind: 'constant', value: 1 } }, // weight 1 by default
      ],
      { concurrency: 100, ratePerSecond: 1000 },
    );
    const result = simulate(design, settings({ durationMs: 60_000, seed: 11 }));
    const n = result.totals.requests;
    for (const [id, p] of [
      ['rare', 0.2],
      ['common', 0.6],
      ['even', 0.2],
    ] as const) {
      // The count of a class is binomial(n, p): four standard deviations.
      const sigma = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(result.classes![id]!.requests - n * p), id).toBeLessThan(4 * sigma);
    }
    expect(Object.values(result.classes!).reduce((s, c) => s + c.requests, 0)).toBe(n);
  });

  it('adding classes moves no arrival time', () => {
    // One-millisecond buckets: the requests arriving in each are the arrival times themselves.
    const run = settings({ durationMs: 600, seed: 5 });
    const plain = simulate(oneServer({ kind: 'exponential', mean: 3 }, { concurrency: 2, ratePerSecond: 500 }), run);
    const mixed = simulate(
      classesThroughOneServer(
        [
          { id: 'a', weight: 2, serviceTime: { kind: 'constant', value: 1 } },
          { id: 'b', serviceTime: { kind: 'exponential', mean: 9 } },
        ],
        { concurrency: 2, ratePerSecond: 500 },
      ),
      run,
    );
    expect(plain.timeSeries.bucketMs).toBe(1);
    expect(mixed.totals.requests).toBe(plain.totals.requests);
    expect(arrivalsPerBucket(mixed)).toEqual(arrivalsPerBucket(plain));
    expect(mixed.totals.requests).toBeGreaterThan(200);
  });
});

describe('operations along the path', () => {
  const example = DesignSchema.parse(operationsExample);
  const run = settings({ durationMs: 30_000, warmupMs: 1_000, seed: 1 });

  it("each hop does its operation's work and makes its operation's calls", () => {
    // No warm-up: a request arriving just before its end would reach the database just after it.
    const result = simulate({ ...example, faults: [] }, { ...run, warmupMs: 0 });
    const db = result.components.db!.operations!;
    // Reads take 2 ms, writes 8 ms (constant service times), and only checkout writes.
    expect([db.read!.latency.mean, db.write!.latency.mean]).toEqual([2, 8]);
    expect(db.write!.requests).toBe(result.classes!.checkout!.requests);
    expect(db.read!.requests).toBe(result.classes!.browse!.requests);
    expect(result.components.api!.operations!.pay!.requests).toBe(result.classes!.checkout!.requests);
    // Classes add up to the totals, each ending exactly once.
    const classes = Object.values(result.classes!);
    expect(classes.reduce((s, c) => s + c.requests, 0)).toBe(result.totals.requests);
    for (const c of classes) expect(c.requests).toBe(c.succeeded + c.degraded + c.failed);
    expect(() => SimulationResultSchema.parse(result)).not.toThrow();
  });

  it('a fault on one operation leaves the other classes untouched', () => {
    // Room for every request (no queueing), so the only way one class can touch another is the fault.
    const roomy = {
      ...example,
      components: example.components.map((c) => (c.kind === 'client' ? c : { ...c, concurrency: 1000 })),
    };
    const always = { ...roomy.faults[0]!, schedule: { ...roomy.faults[0]!.schedule, startMs: 0, durationMs: null } };
    const scoped = simulate({ ...roomy, faults: [always] }, run);
    const none = simulate({ ...roomy, faults: [] }, run);
    expect(scoped.classes!.browse).toEqual(none.classes!.browse);
    expect(scoped.components.api!.operations!.list).toEqual(none.components.api!.operations!.list);
    expect(scoped.classes!.checkout!.failed).toBe(scoped.classes!.checkout!.requests);
    expect(scoped.classes!.checkout!.failedByKind).toEqual({ 'internal-error': scoped.classes!.checkout!.requests });
    expect(scoped.faultWindows[0]!.failuresCaused).toBe(scoped.classes!.checkout!.requests);

    // The same fault on the whole component fails browsing too.
    const wide = { ...always, target: { component: 'api' } };
    expect(simulate({ ...roomy, faults: [wide] }, run).classes!.browse!.failed).toBeGreaterThan(0);
  });

  it('judges each class against its own targets, each verdict agreeing with its figure', () => {
    const result = simulate(example, run);
    const classes = result.slo.classes!;
    const checkout = result.classes!.checkout!;
    const availability = (checkout.succeeded + checkout.degraded) / checkout.requests;
    expect(classes.checkout!.verdicts.availability).toMatchObject({
      threshold: 0.99,
      status: 'fail',
    });
    expect(classes.checkout!.verdicts.availability!.measured).toBeCloseTo(availability, 6);
    expect(classes.checkout!.passed).toBe(false);
    expect(classes.browse!.passed).toBe(true);
    expect(Object.keys(classes.browse!.verdicts)).toEqual(['availability', 'p99LatencyMs']);
    expect(classes.browse!.verdicts.p99LatencyMs!.measured).toBe(result.classes!.browse!.latency.p99);
    // A failing class fails the whole, though every design-wide target passes here.
    expect(Object.values(result.slo.verdicts).every((v) => v.status === 'pass')).toBe(true);
    expect(result.slo.passed).toBe(false);
  });

  it('a class with no requests is not judged, and says why', () => {
    const browseOnly = {
      ...example,
      components: example.components.map((c) =>
        c.kind === 'client'
          ? { ...c, operations: c.operations!.map((o) => ({ ...o, weight: o.id === 'checkout' ? 1e-12 : 1 })) }
          : c,
      ),
    };
    const result = simulate(browseOnly, settings({ durationMs: 5_000, seed: 2 }));
    expect(result.classes!.checkout!.requests).toBe(0);
    expect(result.slo.classes!.checkout!.verdicts.availability).toMatchObject({
      status: 'not-applicable',
      measured: null,
      reason: 'no request of class "Checkout" arrived in the measured period',
    });
    expect(result.slo.classes!.checkout!.passed).toBe(true);
  });

  it('same design, settings and seed: same bytes', () => {
    expect(JSON.stringify(simulate(example, run))).toBe(JSON.stringify(simulate(example, run)));
  });
});
