import type { Distribution } from '@faultline/schemas';
import type { RandomStream } from './random.ts';

/** Draws one value (ms) from a compiled distribution. */
export type Sampler = (random: RandomStream) => number;

// z of the 99th percentile of the standard normal.
const Z99 = 2.3263478740408408;

/** Turns a distribution into a sampler once, so drawing is a plain function call. */
export function compileDistribution(d: Distribution): Sampler {
  switch (d.kind) {
    case 'constant': {
      const value = d.value;
      return () => value;
    }
    case 'exponential': {
      const mean = d.mean;
      return (r) => r.exponential(mean);
    }
    case 'uniform': {
      const { min } = d;
      const width = d.max - d.min;
      return (r) => min + width * r.next();
    }
    case 'normal': {
      const { mean, stdDev } = d;
      // Truncated at 0: draw again; a few tries cover any sensible mean/stdDev, then 0.
      return (r) => {
        for (let i = 0; i < 16; i++) {
          const x = mean + stdDev * r.normal();
          if (x >= 0) return x;
        }
        return 0;
      };
    }
    case 'lognormal': {
      const mu = Math.log(d.median);
      const sigma = (Math.log(d.p99) - mu) / Z99;
      return (r) => Math.exp(mu + sigma * r.normal());
    }
    case 'empirical': {
      const total = d.points.reduce((s, p) => s + p.weight, 0);
      let sum = 0;
      const cumulative = Float64Array.from(d.points, (p) => (sum += p.weight / total));
      const values = Float64Array.from(d.points.map((p) => p.value));
      return (r) => {
        const u = r.next();
        for (let i = 0; i < cumulative.length - 1; i++) if (u < cumulative[i]!) return values[i]!;
        return values[values.length - 1]!;
      };
    }
  }
}

/** The one value a constant distribution gives; NaN for any other, which no delay equals. */
export function constantOf(d: Distribution): number {
  return d.kind === 'constant' ? d.value : NaN;
}

/** The distribution's mean, for capacity estimates and tests. */
export function meanOf(d: Distribution): number {
  switch (d.kind) {
    case 'constant':
      return d.value;
    case 'exponential':
      return d.mean;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'normal':
      return d.mean;
    case 'lognormal': {
      const sigma = (Math.log(d.p99) - Math.log(d.median)) / Z99;
      return d.median * Math.exp((sigma * sigma) / 2);
    }
    case 'empirical': {
      const total = d.points.reduce((s, p) => s + p.weight, 0);
      return d.points.reduce((s, p) => s + (p.value * p.weight) / total, 0);
    }
  }
}
