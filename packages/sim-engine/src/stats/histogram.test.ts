import { describe, expect, it } from 'vitest';
import { RandomStream } from '../kernel/random.ts';
import { LatencyHistogram, bucketOf } from './histogram.ts';
import { BucketLatencies } from './bucket-latencies.ts';

describe('the latency histogram', () => {
  it('reads every quantile within 1 % of the exact value', () => {
    const r = new RandomStream(11, 'h');
    const values = Array.from({ length: 100_000 }, () => Math.exp(r.next() * 16 - 5)); // 0.007 ms to 60 s
    const h = new LatencyHistogram();
    values.forEach((v) => h.record(v));
    values.sort((a, b) => a - b);
    for (const q of [0.01, 0.1, 0.5, 0.9, 0.95, 0.99, 0.999]) {
      const exact = values[Math.ceil(q * values.length) - 1]!;
      expect(Math.abs(h.quantile(q)! - exact) / exact).toBeLessThanOrEqual(0.01);
    }
    expect(h.max).toBe(values.at(-1));
  });

  it('keeps the exact mean and max, and nothing when empty', () => {
    const h = new LatencyHistogram();
    expect(h.summary()).toEqual({ mean: null, p50: null, p90: null, p95: null, p99: null, p999: null, max: null });
    [12, 12, 12].forEach((v) => h.record(v));
    expect(h.summary()).toMatchObject({ mean: 12, max: 12 });
    expect(Math.abs(h.summary().p50! - 12) / 12).toBeLessThanOrEqual(0.01);
  });

  it('uses the same memory for a billion samples as for one', () => {
    const h = new LatencyHistogram();
    const size = h.counts.length;
    for (let i = 0; i < 1e6; i++) h.record(i % 5000);
    expect(h.counts.length).toBe(size);
  });
});

describe("a class series' latency per time bucket", () => {
  it('reads the same quantiles as a latency histogram per bucket, whatever the octaves its values span', () => {
    const r = new RandomStream(5, 'o');
    const spreads = [0.001, 2, 40];
    const whole = spreads.map(() => new LatencyHistogram());
    const buckets = new BucketLatencies(spreads.length + 1);
    // Interleaved, so chunks of different time buckets sit side by side (and the store grows).
    for (let i = 0; i < 5_000; i++) {
      spreads.forEach((spread, b) => {
        const ms = Math.exp(r.next() * spread) * (r.next() < 0.001 ? 1e-5 : 3);
        whole[b]!.record(ms);
        buckets.add(b, bucketOf(ms), ms);
      });
    }
    spreads.forEach((_, b) => {
      for (const q of [0, 0.01, 0.5, 0.9, 0.99, 0.999, 1])
        expect(buckets.quantile(b, q), `bucket ${b}, q ${q}`).toBe(whole[b]!.quantile(q));
      expect(buckets.count[b]).toBe(whole[b]!.count);
    });
    expect(buckets.quantile(spreads.length, 0.99)).toBeNull();
  });
});
