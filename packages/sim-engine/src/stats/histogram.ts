import type { LatencySummary } from '@faultline/schemas';
import { round, roundOrNull } from './rounding.ts';

/**
 * A log-bucketed histogram of latencies in ms: fixed memory whatever the number of samples.
 * Each power of two is cut into 64 equal sub-buckets, found from the float's exponent and top
 * mantissa bits (no logarithm per sample). A sub-bucket is at most 1/64 of its lower edge wide,
 * and a quantile is read at its middle, so the relative error is at most 1/128 ≈ 0.78 %.
 * Values from 2^-10 ms (about 1 µs) to 2^27 ms (about 37 hours) are resolved; smaller ones share
 * the first bucket, larger ones the last. The exact mean and max are kept on the side.
 */
const SUB_BITS = 6;
const SUBS = 1 << SUB_BITS;
const MIN_EXP = -10;
const MAX_EXP = 27;
const BUCKETS = (MAX_EXP - MIN_EXP + 1) * SUBS;
const MIN = 2 ** MIN_EXP;
/**
 * The bucketing for `OctaveHistogram`: sub-buckets per power of two (bucket i lies in octave
 * `i / SUB_BUCKETS`) and buckets in all. Copies, so the hot paths here read module-local constants.
 */
export const SUB_BUCKETS = SUBS;
export const HISTOGRAM_BUCKETS = BUCKETS;

const scratch = new Float64Array(1);
const scratchBits = new Uint32Array(scratch.buffer);
// The high word of a little-endian double is the second 32-bit half.
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** The bucket a latency falls in: computed once when one latency goes into several histograms. */
export function bucketOf(ms: number): number {
  if (ms < MIN) return 0;
  scratch[0] = ms;
  const high = scratchBits[HIGH]!;
  const exponent = ((high >>> 20) & 0x7ff) - 1023;
  if (exponent > MAX_EXP) return BUCKETS - 1;
  return (exponent - MIN_EXP) * SUBS + ((high >>> (20 - SUB_BITS)) & (SUBS - 1));
}

/** The value a quantile falling in bucket i reads: its middle (the first bucket holds everything below MIN). */
export const quantileValue = (i: number): number => (i === 0 ? MIN : valueOf(i));

/** The middle of bucket i. */
function valueOf(i: number): number {
  const exponent = Math.floor(i / SUBS) + MIN_EXP;
  return 2 ** exponent * (1 + ((i % SUBS) + 0.5) / SUBS);
}

export class LatencyHistogram {
  readonly counts = new Float64Array(BUCKETS);
  count = 0;
  sum = 0;
  max = 0;

  record(ms: number): void {
    this.add(bucketOf(ms), ms);
  }

  /** Records `ms`, whose bucket (`bucketOf(ms)`) the caller already knows. */
  add(bucket: number, ms: number): void {
    this.counts[bucket]!++;
    this.count++;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
  }

  /** The value at quantile q in [0, 1]; null when empty. */
  quantile(q: number): number | null {
    if (this.count === 0) return null;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      // Never report more than the largest value seen.
      if (seen >= rank) return Math.min(this.max, i === 0 ? MIN : valueOf(i));
    }
    return this.max;
  }

  summary(): LatencySummary {
    return {
      mean: this.count ? round(this.sum / this.count) : null,
      p50: roundOrNull(this.quantile(0.5)),
      p90: roundOrNull(this.quantile(0.9)),
      p95: roundOrNull(this.quantile(0.95)),
      p99: roundOrNull(this.quantile(0.99)),
      p999: roundOrNull(this.quantile(0.999)),
      max: this.count ? round(this.max) : null,
    };
  }
}
