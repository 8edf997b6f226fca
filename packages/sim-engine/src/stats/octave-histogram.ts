import { HISTOGRAM_BUCKETS, SUB_BUCKETS as SUBS, quantileValue } from './histogram.ts';

const OCTAVES = HISTOGRAM_BUCKETS / SUBS;

/**
 * A latency histogram with `LatencyHistogram`'s buckets and quantiles, whose counts are kept per
 * power of two (octave) and made when the octave's first latency comes. A request class's time
 * series holds one per class and time bucket: each sees a few octaves, so it costs a few
 * hundred bytes where a whole histogram costs 19 kB, and 50 classes × 600 buckets stay small.
 */
export class OctaveHistogram {
  private readonly octaves: (Uint32Array | undefined)[] = new Array<Uint32Array | undefined>(OCTAVES);
  count = 0;
  max = 0;

  /** Records `ms`, whose bucket (`bucketOf(ms)`) the caller already knows. */
  add(bucket: number, ms: number): void {
    const octave = (bucket / SUBS) | 0;
    (this.octaves[octave] ??= new Uint32Array(SUBS))[bucket - octave * SUBS]!++;
    this.count++;
    if (ms > this.max) this.max = ms;
  }

  /** The value at quantile q in [0, 1], as `LatencyHistogram.quantile` reads it; null when empty. */
  quantile(q: number): number | null {
    if (this.count === 0) return null;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let octave = 0; octave < OCTAVES; octave++) {
      const counts = this.octaves[octave];
      if (counts === undefined) continue;
      for (let sub = 0; sub < SUBS; sub++) {
        seen += counts[sub]!;
        // Never report more than the largest value seen.
        if (seen >= rank) return Math.min(this.max, quantileValue(octave * SUBS + sub));
      }
    }
    return this.max;
  }
}
