import { ERROR_CODES } from '../codes.ts';
import { LatencyHistogram } from './histogram.ts';

/**
 * One request class's entry requests over the measured period (SPEC §3.7), counted as the totals
 * are: each counted request ends once, answered (degraded when a fallback gave the answer) or
 * failed; latency is end to end, of answered requests.
 */
export class ClassStats {
  requests = 0;
  succeeded = 0;
  degraded = 0;
  failed = 0;
  readonly failedByKind = new Float64Array(ERROR_CODES.length);
  readonly latency = new LatencyHistogram();

  ended(error: number, degraded: boolean, latencyMs: number): void {
    if (error !== 0) {
      this.failed++;
      this.failedByKind[error - 1]!++;
      return;
    }
    if (degraded) this.degraded++;
    else this.succeeded++;
    this.latency.record(latencyMs);
  }
}
