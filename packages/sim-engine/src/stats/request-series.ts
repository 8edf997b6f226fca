import type { RequestSeries } from '@faultline/schemas';
import { round, roundOrNull, roundRatio } from './rounding.ts';

/**
 * What became of a set of requests, bucket by bucket: the run's (the collector) or one request
 * class's. Outcomes are filed by arrival bucket; completions by the bucket the answer came in.
 */
export interface OutcomesByBucket {
  readonly buckets: number;
  readonly completions: Float64Array;
  /** Failed and degraded requests; answered ones are those with a latency. */
  readonly failures: Float64Array;
  readonly degradedAnswers: Float64Array;
  answered(bucket: number): number;
  /** The latency at quantile q of the answers to the requests that arrived in the bucket; null: none. */
  latencyAt(bucket: number, q: number): number | null;
}

/** The result's columns for a set of requests: rates over the requests that arrived in each bucket and have ended. */
export function requestSeries(o: OutcomesByBucket, bucketMs: number): RequestSeries {
  const each = <T>(f: (i: number) => T) => Array.from({ length: o.buckets }, (_, i) => f(i));
  const ended = (i: number) => o.answered(i) + o.failures[i]!;
  const rate = (part: (i: number) => number) => each((i) => (ended(i) > 0 ? roundRatio(part(i) / ended(i)) : null));
  return {
    throughput: Array.from(o.completions, (n) => round((n * 1000) / bucketMs)),
    successRate: rate((i) => o.answered(i)),
    errorRate: rate((i) => o.failures[i]!),
    p50: each((i) => roundOrNull(o.latencyAt(i, 0.5))),
    p99: each((i) => roundOrNull(o.latencyAt(i, 0.99))),
    succeeded: each((i) => o.answered(i) - o.degradedAnswers[i]!),
    degraded: Array.from(o.degradedAnswers),
    failed: Array.from(o.failures),
  };
}
