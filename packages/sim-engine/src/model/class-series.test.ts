import { describe, expect, it } from 'vitest';
import { DesignSchema, SimulationResultSchema, operationsExample, type RequestSeries } from '@faultline/schemas';
import { simulate } from '../index.ts';
import { settings } from '../testing.test-helpers.ts';
import { classesThroughOneServer, oneServer } from './operations.test-fixture.ts';

// Each request class's time series (SPEC §3.7): the charts and the CSV of one class.

const shop = DesignSchema.parse(operationsExample);
const run = settings({ durationMs: 30_000, warmupMs: 1_000, seed: 1 });

describe('per-class time series', () => {
  it("each bucket's classes add up to the run's: goodput, throughput, and the p99 lies between theirs", () => {
    const result = simulate(shop, run);
    const all = result.timeSeries;
    const classes = Object.values(all.classes!);
    expect(Object.keys(all.classes!)).toEqual(['browse', 'checkout']);
    const sum = (pick: (s: RequestSeries) => (number | null)[], i: number) =>
      classes.reduce((total, s) => total + (pick(s)[i] ?? 0), 0);
    let bothAnswered = 0;
    all.throughput.forEach((throughput, i) => {
      expect(
        sum((s) => s.succeeded, i),
        `succeeded in bucket ${i}`,
      ).toBe(all.succeeded[i]);
      expect(
        sum((s) => s.degraded, i),
        `degraded in bucket ${i}`,
      ).toBe(all.degraded[i]);
      expect(
        sum((s) => s.failed, i),
        `failed in bucket ${i}`,
      ).toBe(all.failed[i]);
      expect(sum((s) => s.throughput, i)).toBeCloseTo(throughput, 6);
      const p99s = classes.map((s) => s.p99[i]).filter((p): p is number => p !== null);
      if (p99s.length < 2) return;
      // A mixture's quantile lies between its parts' (one histogram bucket, under 2 %, either way).
      bothAnswered++;
      expect(all.p99[i]!).toBeGreaterThanOrEqual(Math.min(...p99s) / 1.02);
      expect(all.p99[i]!).toBeLessThanOrEqual(Math.max(...p99s) * 1.02);
    });
    // Checkout is a tenth of the traffic and fails for 10 s: it is answered in about a quarter of the buckets.
    expect(bothAnswered).toBeGreaterThan(all.throughput.length / 8);
    // Every class series has a column per bucket, and the series read back as they were written.
    for (const s of classes) expect(s.p99).toHaveLength(all.throughput.length);
    expect(JSON.stringify(SimulationResultSchema.parse(result).timeSeries)).toBe(JSON.stringify(all));
  });

  it("the fault on payments shows in checkout's series only, in its window", () => {
    const { timeSeries: s } = simulate(shop, run);
    const at = (i: number) => s.startMs + i * s.bucketMs;
    const checkout = s.classes!.checkout!;
    const browse = s.classes!.browse!;
    expect(browse.failed.every((n) => n === 0)).toBe(true);
    s.throughput.forEach((_, i) => {
      // The window is 10 s to 20 s; a request arriving just before it may reach the API inside it.
      if (at(i) >= 10_000 && at(i) + s.bucketMs <= 20_000) expect(checkout.errorRate[i], `at ${at(i)}`).not.toBe(0);
      if (at(i) + s.bucketMs <= 9_500 || at(i) >= 20_500) expect(checkout.failed[i], `at ${at(i)}`).toBe(0);
    });
    const inWindow = checkout.failed.filter((_, i) => at(i) >= 10_000 && at(i) < 20_000);
    expect(inWindow.reduce((a, b) => a + b, 0)).toBeGreaterThan(50);
  });

  it("each class's latency series is its own: constant service times of 2 and 10 ms, no queueing", () => {
    const design = classesThroughOneServer(
      [
        { id: 'quick', serviceTime: { kind: 'constant', value: 2 } },
        { id: 'slow', serviceTime: { kind: 'constant', value: 10 } },
      ],
      { concurrency: 1000, ratePerSecond: 200 },
    );
    const { timeSeries: s } = simulate(design, settings({ durationMs: 10_000, seed: 4 }));
    const near = (value: number) => (p: number | null) => p === null || Math.abs(p - value) <= value * 0.01;
    expect(s.classes!.quick!.p99.every(near(2))).toBe(true);
    expect(s.classes!.slow!.p99.every(near(10))).toBe(true);
    expect(s.classes!.slow!.p50.filter((p) => p !== null).length).toBeGreaterThan(s.throughput.length / 2);
  });

  it('a design without classes has no class series', () => {
    const result = simulate(oneServer({ kind: 'constant', value: 1 }, { concurrency: 10, ratePerSecond: 100 }), run);
    expect(result.classes).toBeUndefined();
    expect('classes' in result.timeSeries).toBe(false);
  });
});
