import { ERROR_CODES } from '../codes.ts';
import { ClassSeries, type BucketClock } from './class-series.ts';
import { LatencyHistogram, bucketOf } from './histogram.ts';

/**
 * One request class's entry requests over the measured period (SPEC §3.7), counted as the totals
 * are: each counted request ends once, answered (degraded when a fallback gave the answer) or
 * failed; latency is end to end, of answered requests. `series`: the same per time bucket.
 */
export class ClassStats {
  requests = 0;
  succeeded = 0;
  degraded = 0;
  failed = 0;
  readonly failedByKind = new Float64Array(ERROR_CODES.length);
  readonly latency = new LatencyHistogram();
  readonly series: ClassSeries;

  constructor(clock: BucketClock) {
    this.series = new ClassSeries(clock);
  }

  ended(arrivedAt: number, now: number, error: number, degraded: boolean): void {
    const latencyMs = now - arrivedAt;
    const slot = error === 0 ? bucketOf(latencyMs) : 0;
    this.series.ended(arrivedAt, now, error, degraded, slot);
    if (error !== 0) {
      this.failed++;
      this.failedByKind[error - 1]!++;
      return;
    }
    if (degraded) this.degraded++;
    else this.succeeded++;
    this.latency.add(slot, latencyMs);
  }
}
