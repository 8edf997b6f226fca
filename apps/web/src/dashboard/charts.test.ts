import { describe, expect, it } from 'vitest';
import { chaosResult } from '../test/results.ts';
import { hasGoodput, rowsOf, withUnit } from './chart-rows.ts';
import { timeTicks } from './time-ticks.ts';

describe('what the charts plot', () => {
  it('throughput is stacked by what became of the requests, per second like throughput', () => {
    const [first] = rowsOf(chaosResult());
    // 855 succeeded, 120 degraded, 25 failed in a 10 s bucket.
    expect(first).toMatchObject({ t: 0, succeeded: 85.5, degraded: 12, failed: 2.5 });
    expect(hasGoodput(chaosResult())).toBe(true);
  });

  it('a result stored before goodput falls back to the throughput line', () => {
    const old = chaosResult();
    old.timeSeries = { ...old.timeSeries, succeeded: [], degraded: [], failed: [] };
    expect(hasGoodput(old)).toBe(false);
  });

  it('rates are percentages, and a tooltip gives every value its unit', () => {
    expect(rowsOf(chaosResult())[0]).toMatchObject({ successRate: 97.5, errorRate: 2.5 });
    expect(withUnit(97.5, '%')).toBe('97.5 %');
    expect(withUnit(85.56, 'req/s')).toBe('85.6 req/s');
    expect(withUnit(40, 'ms')).toBe('40 ms');
    expect(withUnit(null, 'ms')).toBe('–');
  });

  it('the breaker timeline has round ticks in seconds across the run', () => {
    expect(timeTicks(0, 120_000).map((t) => t.label)).toEqual([
      '0 s',
      '20 s',
      '40 s',
      '60 s',
      '80 s',
      '100 s',
      '120 s',
    ]);
    expect(timeTicks(0, 120_000)[3]!.at).toBe(0.5);
    expect(timeTicks(5_000, 10_000).map((t) => t.label)).toEqual(['6 s', '8 s', '10 s', '12 s', '14 s']);
  });
});
