import { ERROR_CODES, TRACKED_FAULTS } from '../codes.ts';
import { LatencyHistogram, bucketOf } from './histogram.ts';
import type { OutcomesByBucket } from './request-series.ts';

/** At most this many time-series buckets (SPEC §4.1). */
export const MAX_BUCKETS = 600;

/** Per fault: what happened to the requests that arrived in its window, and what it was charged. */
export class WindowStats {
  /** Requests that arrived in the window, those answered, their latency. */
  requests = 0;
  ok = 0;
  readonly latency = new LatencyHistogram();
  /** Requests that arrived in the window and failed, charged to this fault. */
  chargedInWindow = 0;
  /** Measured requests it acted on, spread to, failed or had a fallback answer for; those it failed (directly); those answered degraded. */
  affected = 0;
  failuresCaused = 0;
  failuresDirect = 0;
  degradedCaused = 0;
  /** When the first failure charged to it ended (null: none). */
  firstChargedAt: number | null = null;
  /** Failures charged to it by arrival slot (`Collector.fineMs`), for its recovery. */
  readonly chargedFine: Uint32Array;
  constructor(
    readonly fault: string,
    readonly start: number,
    readonly end: number,
    fineSlots: number,
  ) {
    this.chargedFine = new Uint32Array(fineSlots);
  }
}

/**
 * Everything the result needs, gathered while the run goes, in fixed memory: counters,
 * histograms, and arrays sized by the run's duration, never by its number of requests. Outcomes
 * are filed under the time the request arrived, so a failure shows in the moment the user sent
 * the request even when its timeout fires later.
 */
export class Collector implements OutcomesByBucket {
  requests = 0;
  succeeded = 0;
  degraded = 0;
  failed = 0;
  readonly failedByKind = new Float64Array(ERROR_CODES.length);
  retries = 0;
  timeouts = 0;
  wastedWork = 0;
  silentCorruptions = 0;
  downstreamCalls = 0;
  readonly latency = new LatencyHistogram();
  /** Latency before the first fault started (SPEC §4.1's baseline for latency degradation). */
  readonly baseline = new LatencyHistogram();
  /** Requests that arrive before this go into the baseline: only fault windows read it. */
  private readonly baselineUntil: number;

  readonly bucketMs: number;
  readonly buckets: number;
  /** Per bucket, by arrival: failed and degraded requests (answered ones are the latency histogram's count). */
  readonly failures: Float64Array;
  readonly degradedAnswers: Float64Array;
  readonly completions: Float64Array;
  readonly bucketLatency: LatencyHistogram[];
  /** Fine-grained availability (by arrival) for the recovery analysis: `fineMs` per slot. */
  readonly fineMs: number;
  readonly fineTotal: Float64Array;
  readonly fineOk: Float64Array;
  /** Failures charged to some fault, by arrival slot. */
  readonly fineAttributed: Float64Array;
  /** One per fault, in the model's order: a cause bit's index is its window's. */
  readonly windows: WindowStats[];

  constructor(
    readonly start: number,
    readonly end: number,
    windows: { fault: string; start: number; end: number }[],
  ) {
    const span = end - start;
    this.bucketMs = niceBucket(span / MAX_BUCKETS);
    this.buckets = Math.min(MAX_BUCKETS, Math.ceil(span / this.bucketMs));
    this.failures = new Float64Array(this.buckets);
    this.degradedAnswers = new Float64Array(this.buckets);
    this.completions = new Float64Array(this.buckets);
    this.bucketLatency = Array.from({ length: this.buckets }, () => new LatencyHistogram());
    // 100 ms slots (1 s for runs over about 5.5 hours): whole seconds are whole slots.
    this.fineMs = end <= 20_000_000 ? 100 : 1000;
    const fine = Math.ceil(end / this.fineMs) + 1;
    this.fineTotal = new Float64Array(fine);
    this.fineOk = new Float64Array(fine);
    this.fineAttributed = new Float64Array(windows.length > 0 ? fine : 0);
    this.windows = windows.map((w, i) => new WindowStats(w.fault, w.start, w.end, i < TRACKED_FAULTS ? fine : 0));
    // The baseline ends where the first fault that is active in the measured period starts.
    const exercised = windows.filter((w) => w.start < w.end && w.start < end && w.end > start);
    this.baselineUntil = exercised.length > 0 ? Math.min(...exercised.map((w) => w.start)) : -Infinity;
  }

  /** Answers to the requests that arrived in time bucket `b`: the latencies it recorded. */
  answered(b: number): number {
    return this.bucketLatency[b]!.count;
  }

  latencyAt(b: number, q: number): number | null {
    return this.bucketLatency[b]!.quantile(q);
  }

  bucketOf(t: number): number {
    return Math.min(this.buckets - 1, Math.max(0, Math.floor((t - this.start) / this.bucketMs)));
  }

  /** A counted request ended: `error` 0 for an answer (degraded when a fallback gave it). */
  requestDone(arrivedAt: number, now: number, error: number, degraded: boolean, corrupted: boolean): void {
    const bucket = this.bucketOf(arrivedAt);
    const fine = Math.floor(arrivedAt / this.fineMs);
    this.fineTotal[fine]!++;
    // Throughput is answers per second while the run goes: the drain after its end is not a bucket.
    if (now < this.end) this.completions[this.bucketOf(now)]!++;
    const latency = now - arrivedAt;
    const slot = error === 0 ? bucketOf(latency) : 0;
    if (error === 0) {
      if (degraded) {
        this.degraded++;
        this.degradedAnswers[bucket]!++;
      } else {
        this.succeeded++;
      }
      if (corrupted) this.silentCorruptions++;
      this.latency.add(slot, latency);
      this.bucketLatency[bucket]!.add(slot, latency);
      this.fineOk[fine]!++;
      if (arrivedAt < this.baselineUntil) this.baseline.add(slot, latency);
    } else {
      this.failed++;
      this.failedByKind[error - 1]!++;
      this.failures[bucket]!++;
    }
    for (const w of this.windows) {
      if (arrivedAt >= w.start && arrivedAt < w.end) {
        w.requests++;
        if (error === 0) {
          w.ok++;
          w.latency.add(slot, latency);
        }
      }
    }
  }

  /**
   * What a counted request's end is charged to (SPEC §4.2): a failure to `cause` (`direct`: a
   * fault's own action produced it); a degraded answer to `fallbackFor`; `acted` are the faults
   * that acted on it or spread to it. Bit i is window i (see the model's causes.ts).
   */
  charge(
    arrivedAt: number,
    now: number,
    error: number,
    degraded: boolean,
    cause: number,
    direct: boolean,
    acted: number,
    fallbackFor: number,
  ): void {
    const charged = error !== 0 ? cause : 0;
    const answeredFor = error === 0 && degraded ? fallbackFor : 0;
    const fine = Math.floor(arrivedAt / this.fineMs);
    if (charged !== 0) this.fineAttributed[fine]!++;
    for (let m = acted | charged | answeredFor; m !== 0; m &= m - 1) {
      const bit = m & -m;
      const w = this.windows[31 - Math.clz32(bit)]!;
      w.affected++;
      if ((answeredFor & bit) !== 0) w.degradedCaused++;
      if ((charged & bit) === 0) continue;
      w.failuresCaused++;
      if (direct) w.failuresDirect++;
      w.chargedFine[fine]!++;
      if (arrivedAt >= w.start && arrivedAt < w.end) w.chargedInWindow++;
      if (w.firstChargedAt === null || now < w.firstChargedAt) w.firstChargedAt = now;
    }
  }
}

/** A bucket width that reads well on a chart axis: 1, 2 or 5 times a power of ten ms. */
function niceBucket(raw: number): number {
  if (raw <= 1) return 1;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const step of [1, 2, 5, 10]) if (step * power >= raw) return step * power;
  return 10 * power;
}
