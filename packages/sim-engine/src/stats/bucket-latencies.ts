import { HISTOGRAM_BUCKETS, SUB_BUCKETS, quantileValue } from './histogram.ts';

const OCTAVES = HISTOGRAM_BUCKETS / SUB_BUCKETS;

/**
 * A latency histogram per time bucket, with `LatencyHistogram`'s buckets and quantiles, for a
 * request class's series: 600 full histograms per class would be 12 MB each. Counts are kept
 * per power of two (octave) of one time bucket, in chunks of one shared array handed out on the
 * octave's first latency; a time bucket's latencies span a few octaves, so a chunk-index entry
 * and a few 256-byte chunks per bucket is what a class costs.
 */
export class BucketLatencies {
  /** Per time bucket and octave, where its chunk starts in `counts`; -1: none yet. */
  private readonly chunkAt: Int32Array;
  private counts = new Uint32Array(SUB_BUCKETS * 16);
  private used = 0;
  /** Per time bucket: latencies recorded, and the largest. */
  readonly count: Float64Array;
  private readonly max: Float64Array;

  constructor(buckets: number) {
    this.chunkAt = new Int32Array(buckets * OCTAVES).fill(-1);
    this.count = new Float64Array(buckets);
    this.max = new Float64Array(buckets);
  }

  /** Records `ms` in time bucket `bucket`; `slot` is its histogram bucket (`bucketOf(ms)`). */
  add(bucket: number, slot: number, ms: number): void {
    const octave = (slot / SUB_BUCKETS) | 0;
    const at = bucket * OCTAVES + octave;
    let start = this.chunkAt[at]!;
    if (start < 0) start = this.chunkAt[at] = this.newChunk();
    this.counts[start + slot - octave * SUB_BUCKETS]!++;
    this.count[bucket]!++;
    if (ms > this.max[bucket]!) this.max[bucket] = ms;
  }

  /** The latency at quantile q of time bucket `bucket`, as `LatencyHistogram.quantile` reads it; null when empty. */
  quantile(bucket: number, q: number): number | null {
    const count = this.count[bucket]!;
    if (count === 0) return null;
    const max = this.max[bucket]!;
    const rank = Math.max(1, Math.ceil(q * count));
    let seen = 0;
    for (let octave = 0; octave < OCTAVES; octave++) {
      const start = this.chunkAt[bucket * OCTAVES + octave]!;
      if (start < 0) continue;
      for (let sub = 0; sub < SUB_BUCKETS; sub++) {
        seen += this.counts[start + sub]!;
        // Never report more than the largest value seen.
        if (seen >= rank) return Math.min(max, quantileValue(octave * SUB_BUCKETS + sub));
      }
    }
    return max;
  }

  private newChunk(): number {
    if (this.used + SUB_BUCKETS > this.counts.length) {
      const grown = new Uint32Array(this.counts.length * 2);
      grown.set(this.counts);
      this.counts = grown;
    }
    const start = this.used;
    this.used += SUB_BUCKETS;
    return start;
  }
}
