import { BucketLatencies } from './bucket-latencies.ts';
import type { OutcomesByBucket } from './request-series.ts';

/** The run's time buckets as a class's series needs them (the collector's). */
export interface BucketClock {
  readonly buckets: number;
  /** When the run ends: answers after it are the drain's, in no throughput bucket. */
  readonly end: number;
  bucketOf(t: number): number;
}

/**
 * One request class's outcomes per time bucket (SPEC §3.7), filed as the run's are (see
 * `Collector.requestDone`), so each bucket's classes add up to the run's. Latencies go into a
 * compact histogram per bucket (see `BucketLatencies`).
 */
export class ClassSeries implements OutcomesByBucket {
  readonly buckets: number;
  readonly completions: Float64Array;
  readonly failures: Float64Array;
  readonly degradedAnswers: Float64Array;
  private readonly latency: BucketLatencies;

  constructor(private readonly clock: BucketClock) {
    this.buckets = clock.buckets;
    this.completions = new Float64Array(clock.buckets);
    this.failures = new Float64Array(clock.buckets);
    this.degradedAnswers = new Float64Array(clock.buckets);
    this.latency = new BucketLatencies(clock.buckets);
  }

  /** A request of the class ended: `slot` is its latency's histogram bucket when answered. */
  ended(arrivedAt: number, now: number, error: number, degraded: boolean, slot: number): void {
    const clock = this.clock;
    const bucket = clock.bucketOf(arrivedAt);
    if (now < clock.end) this.completions[clock.bucketOf(now)]!++;
    if (error !== 0) {
      this.failures[bucket]!++;
      return;
    }
    if (degraded) this.degradedAnswers[bucket]!++;
    this.latency.add(bucket, slot, now - arrivedAt);
  }

  answered(bucket: number): number {
    return this.latency.count[bucket]!;
  }

  latencyAt(bucket: number, q: number): number | null {
    return this.latency.quantile(bucket, q);
  }
}
