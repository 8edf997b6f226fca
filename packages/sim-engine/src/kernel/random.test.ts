import { describe, expect, it } from 'vitest';
import type { Distribution } from '@faultline/schemas';
import { compileDistribution, meanOf } from './distribution.ts';
import { RandomStream } from './random.ts';

const draw = (n: number, f: () => number) => Array.from({ length: n }, f);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const min = (xs: number[]) => xs.reduce((a, b) => Math.min(a, b), Infinity);
const max = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), -Infinity);

describe('random streams', () => {
  it('repeat for the same seed and purpose, and differ otherwise', () => {
    const s1 = new RandomStream(42, 'arrivals');
    const s2 = new RandomStream(42, 'arrivals');
    const s3 = new RandomStream(42, 'service:db');
    const s4 = new RandomStream(43, 'arrivals');
    const first = draw(100, () => s1.next());
    expect(draw(100, () => s2.next())).toEqual(first);
    expect(draw(100, () => s3.next())).not.toEqual(first);
    expect(draw(100, () => s4.next())).not.toEqual(first);
  });

  it('are uniform on [0, 1)', () => {
    const r = new RandomStream(7, 'u');
    const xs = draw(200_000, () => r.next());
    expect(min(xs)).toBeGreaterThanOrEqual(0);
    expect(max(xs)).toBeLessThan(1);
    // Mean 1/2, standard error sqrt(1/12 / n) ≈ 0.00065: four of them.
    expect(Math.abs(mean(xs) - 0.5)).toBeLessThan(0.0026);
    const tenths = new Array(10).fill(0);
    for (const x of xs) tenths[Math.floor(x * 10)]++;
    // Each tenth holds a binomial count: n·p = 20,000 with standard deviation sqrt(n·p·(1 − p)).
    for (const count of tenths) expect(Math.abs(count - 20_000)).toBeLessThan(4 * Math.sqrt(200_000 * 0.1 * 0.9));
  });
});

describe('distributions', () => {
  const n = 200_000;
  const cases: [Distribution][] = [
    [{ kind: 'constant', value: 3 }],
    [{ kind: 'exponential', mean: 10 }],
    [{ kind: 'uniform', min: 2, max: 6 }],
    [{ kind: 'normal', mean: 50, stdDev: 5 }],
    [{ kind: 'lognormal', median: 8, p99: 40 }],
    [
      {
        kind: 'empirical',
        points: [
          { value: 1, weight: 3 },
          { value: 9, weight: 1 },
        ],
      },
    ],
  ];
  it.each(cases)('%j has the documented mean', (d) => {
    const sample = compileDistribution(d);
    const r = new RandomStream(3, 'd');
    const xs = draw(n, () => sample(r));
    const m = meanOf(d);
    const sd = Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
    expect(Math.abs(mean(xs) - m)).toBeLessThanOrEqual(4 * (sd / Math.sqrt(n)) + 1e-12);
    expect(min(xs)).toBeGreaterThanOrEqual(0);
  });

  it('lognormal has the requested median and 99th percentile', () => {
    const sample = compileDistribution({ kind: 'lognormal', median: 8, p99: 40 });
    const r = new RandomStream(5, 'l');
    const xs = draw(n, () => sample(r)).sort((a, b) => a - b);
    expect(xs[n / 2]! / 8).toBeCloseTo(1, 1);
    expect(xs[Math.floor(n * 0.99)]! / 40).toBeCloseTo(1, 1);
  });

  it('normal is truncated at 0', () => {
    const sample = compileDistribution({ kind: 'normal', mean: 1, stdDev: 5 });
    const r = new RandomStream(5, 'n');
    expect(min(draw(50_000, () => sample(r)))).toBeGreaterThanOrEqual(0);
  });
});
