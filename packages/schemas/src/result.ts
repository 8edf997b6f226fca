import { z } from 'zod';
import { ERROR_KINDS, ErrorKindSchema } from './errors.ts';
import type { InboundPolicy, OutgoingPolicy } from './resilience.ts';
import { RunSettingsSchema } from './run.ts';

// The result document (SPEC §4.1). Top-level names are binding; the inner detail is documented
// here and may only grow.

export const FailedByKindSchema = z.partialRecord(ErrorKindSchema, z.int().min(0));

/** Latency of successful requests, in ms. null where nothing succeeded. */
export const LatencySummarySchema = z.object({
  mean: z.number().nullable(),
  p50: z.number().nullable(),
  p90: z.number().nullable(),
  p95: z.number().nullable(),
  p99: z.number().nullable(),
  p999: z.number().nullable(),
  max: z.number().nullable(),
});
export type LatencySummary = z.infer<typeof LatencySummarySchema>;

export const TotalsSchema = z.object({
  requests: z.int().min(0),
  succeeded: z.int().min(0),
  degraded: z.int().min(0),
  failed: z.int().min(0),
  failedByKind: FailedByKindSchema,
  retries: z.int().min(0),
  timeouts: z.int().min(0),
  wastedWork: z.int().min(0),
  silentCorruptions: z.int().min(0),
  amplification: z.number().min(0),
});

/** One operation's share of a component's work (SPEC §3.7). */
export const OperationStatsSchema = z.object({
  requests: z.int().min(0),
  failed: z.int().min(0),
  latency: LatencySummarySchema,
});
export type OperationStats = z.infer<typeof OperationStatsSchema>;

export const ComponentStatsSchema = z.object({
  requests: z.int().min(0),
  succeeded: z.int().min(0),
  failed: z.int().min(0),
  failedByKind: FailedByKindSchema,
  utilisation: z.number().min(0),
  meanQueueLength: z.number().min(0),
  latency: LatencySummarySchema,
  /** Keyed by operation id; present only when the component declares more than one operation. */
  operations: z.record(z.string(), OperationStatsSchema).optional(),
});

/**
 * One request class's entry requests (SPEC §3.7), counted as `totals` are: every measured request
 * of the class ends exactly once, `requests = succeeded + degraded + failed`; `latency` is
 * end-to-end, of its successful requests.
 */
export const ClassStatsSchema = z.object({
  name: z.string(),
  requests: z.int().min(0),
  succeeded: z.int().min(0),
  degraded: z.int().min(0),
  failed: z.int().min(0),
  failedByKind: FailedByKindSchema,
  latency: LatencySummarySchema,
});
export type ClassStats = z.infer<typeof ClassStatsSchema>;

export const CircuitStateSchema = z.enum(['closed', 'open', 'half-open']);

/**
 * What became of one set of requests per bucket: throughput (answers per second, by when they
 * ended), success and error rate, p50 and p99 latency, and goodput (succeeded, degraded and
 * failed, by when they arrived, as the rates are). The run's requests, or one request class's.
 */
const requestSeries = {
  throughput: z.array(z.number()),
  successRate: z.array(z.number().nullable()),
  errorRate: z.array(z.number().nullable()),
  p50: z.array(z.number().nullable()),
  p99: z.array(z.number().nullable()),
  succeeded: z.array(z.int().min(0)),
  degraded: z.array(z.int().min(0)),
  failed: z.array(z.int().min(0)),
};
export const RequestSeriesSchema = z.object(requestSeries);
export type RequestSeries = z.infer<typeof RequestSeriesSchema>;

/** Columns of equal-width buckets (at most 600), starting at `startMs`. */
export const TimeSeriesSchema = z.object({
  startMs: z.number(),
  bucketMs: z.number().positive(),
  ...requestSeries,
  /**
   * Goodput: what became of the requests that arrived in each bucket (as the rates are), so
   * throughput is never shown without it. Results stored before these existed read as empty.
   */
  succeeded: requestSeries.succeeded.default([]),
  degraded: requestSeries.degraded.default([]),
  failed: requestSeries.failed.default([]),
  components: z.record(
    z.string(),
    z.object({
      utilisation: z.array(z.number()),
      queueLength: z.array(z.number()),
      /** Per outgoing connection with a breaker: its state at the end of each bucket. */
      circuitState: z.record(z.string(), z.array(CircuitStateSchema)).optional(),
    }),
  ),
  /**
   * Per request class, keyed by class id, the same figures per bucket as the run's (SPEC §3.7);
   * present only when the result has `classes`, so results of designs without them are unchanged.
   * Each bucket's class goodput adds up to the run's.
   */
  classes: z.record(z.string(), RequestSeriesSchema).optional(),
});

export const EventSchema = z.object({
  atMs: z.number(),
  type: z.enum(['fault-start', 'fault-end', 'crash', 'restart', 'oom-kill', 'circuit-transition']),
  component: z.string().optional(),
  connection: z.string().optional(),
  fault: z.string().optional(),
  from: CircuitStateSchema.optional(),
  to: CircuitStateSchema.optional(),
});

export const EventLogSchema = z.object({ items: z.array(EventSchema), dropped: z.int().min(0) });

/** What became of a fault's window (SPEC §4.2). */
export const FaultWindowStateSchema = z.enum(['not-exercised', 'no-impact', 'recovered', 'not-recovered']);

/**
 * One fault's window and what it caused (SPEC §4.2). A failure is charged to the fault whose action
 * produced it (direct), else to the unabsorbed faults that delayed or failed the request's earlier
 * steps, else to those carried by the requests it queued behind (indirect), else to nothing.
 */
export const FaultWindowSchema = z.object({
  faultId: z.string(),
  name: z.string(),
  startMs: z.number(),
  /** null: still active at the end of the run. */
  endMs: z.number().nullable(),
  state: FaultWindowStateSchema,
  impact: z.enum(['none', 'degraded', 'partial-outage', 'full-outage']),
  /** Of the requests that arrived in the window, the share not failed by this fault (null: none arrived). */
  availability: z.number().nullable(),
  /** Measured requests this fault acted on, directly or through the queueing it spread. */
  affectedRequests: z.int().min(0),
  /** Measured requests that failed, charged to this fault. */
  failuresCaused: z.int().min(0),
  /** Of those, the ones it failed itself (an injected error, a refusal, a lost or corrupted message). */
  failuresCausedDirectly: z.int().min(0),
  /** Measured requests a fallback answered because of this fault. */
  degradedCaused: z.int().min(0),
  /** Fault start to the first failure charged to it; null when it caused none. */
  detectionMs: z.number().nullable(),
  recoveryTimeMs: z.number().nullable(),
  timeToRecoverMs: z.number().nullable(),
  latencyDegradationMs: z.number().nullable(),
  /** Why a figure is missing or how the state was reached, in words a person reads. */
  reason: z.string().optional(),
});
export type FaultWindow = z.infer<typeof FaultWindowSchema>;

export const SLO_TARGETS = [
  'availability',
  'errorRate',
  'p99LatencyMs',
  'latencyDegradationMs',
  'mttrMs',
  'recoveryTimeMs',
] as const;
export const SloTargetSchema = z.enum(SLO_TARGETS);
export type SloTarget = z.infer<typeof SloTargetSchema>;

/** A target's verdict: it agrees with the measured value beside it and says why when it cannot. */
export const SloVerdictSchema = z.object({
  target: SloTargetSchema,
  threshold: z.number(),
  measured: z.number().nullable(),
  status: z.enum(['pass', 'fail', 'not-applicable']),
  reason: z.string().optional(),
});
export type SloVerdict = z.infer<typeof SloVerdictSchema>;

/** The targets a request class may set (SPEC §3.7). */
export const CLASS_SLO_TARGETS = ['availability', 'errorRate', 'p99LatencyMs'] as const satisfies readonly SloTarget[];
export type ClassSloTarget = (typeof CLASS_SLO_TARGETS)[number];

/**
 * One request class's verdicts, one per target `slo.classes` sets for it, each of the same shape
 * as a design-wide verdict and measured on that class's requests alone.
 */
export const ClassSloResultSchema = z.object({
  /** True when none of this class's verdicts is `fail`. */
  passed: z.boolean(),
  verdicts: z.partialRecord(z.enum(CLASS_SLO_TARGETS), SloVerdictSchema),
});
export type ClassSloResult = z.infer<typeof ClassSloResultSchema>;

export const SloResultSchema = z.object({
  /** True when no target's status is `fail`, the per-class verdicts' included. */
  passed: z.boolean(),
  verdicts: z.partialRecord(SloTargetSchema, SloVerdictSchema),
  /** Keyed by class id, one entry per class `slo.classes` sets targets for; absent when it sets none. */
  classes: z.record(z.string(), ClassSloResultSchema).optional(),
});

export const GradeSchema = z.enum(['A', 'B', 'C', 'D', 'F']);

export const ScorecardSchema = z.object({
  /** (no-impact + recovered) / exercised windows; null when no window was exercised: no grade, not an F. */
  recoveryRate: z.number().min(0).max(1).nullable(),
  grade: GradeSchema.nullable(),
});

const count = z.int().min(0);
const policyOf = <T extends string, C extends z.ZodRawShape>(type: T, counters: C) =>
  z.object({
    component: z.string(),
    type: z.literal(type),
    /** The connection an outgoing policy is scoped to; null for all calls, and for inbound guards. */
    connection: z.string().nullable(),
    counters: z.object(counters),
  });

/**
 * What each resilience policy did in the measured period (SPEC §4.2), one entry per policy of the
 * design, in design order. Counts are of attempts (timeout, breaker, bulkhead), calls (retry,
 * fallback) or requests (inbound guards).
 */
export const PolicyReportSchema = z.discriminatedUnion('type', [
  policyOf('timeout', { timedOut: count }),
  /** retries: attempts after the first; exhausted: calls that failed with every attempt used; recovered: calls that succeeded after a retry. */
  policyOf('retry', { retries: count, exhausted: count, recovered: count }),
  /** openMs: time spent open within the measured period. */
  policyOf('circuit-breaker', { shortCircuited: count, opened: count, openMs: z.number().min(0) }),
  policyOf('bulkhead', { rejected: count, peakInUse: count }),
  policyOf('fallback', { served: count }),
  /** delayed: requests that waited for a permit and got it. */
  policyOf('rate-limiter', { rejected: count, delayed: count }),
  policyOf('load-shedding', { shed: count }),
]);
export type PolicyReport = z.infer<typeof PolicyReportSchema>;

/** Every resilience pattern's type, outgoing and inbound. */
export const PolicyTypeSchema = z.enum(
  PolicyReportSchema.options.map((o) => o.shape.type.value) as [PolicyReport['type'], ...PolicyReport['type'][]],
);
type Covered<T extends never> = T;
export type EveryPolicyTypeIsReported = Covered<
  Exclude<OutgoingPolicy['type'] | InboundPolicy['type'], PolicyReport['type']>
>;
export type PolicyCounters<T extends PolicyReport['type']> = Extract<PolicyReport, { type: T }>['counters'];

export const ConfidenceIntervalSchema = z.object({ mean: z.number(), low: z.number(), high: z.number() });

export const SimulationResultSchema = z.object({
  settings: RunSettingsSchema,
  seed: z.int(),
  engineVersion: z.string(),
  designHash: z.string(),
  totals: TotalsSchema,
  latency: LatencySummarySchema,
  components: z.record(z.string(), ComponentStatsSchema),
  /**
   * Per request class, keyed by the entry client's operation ids (SPEC §3.7); present only when
   * the entry client declares operations, so results of designs without them are unchanged.
   */
  classes: z.record(z.string(), ClassStatsSchema).optional(),
  timeSeries: TimeSeriesSchema,
  events: EventLogSchema,
  faultWindows: z.array(FaultWindowSchema),
  mttrMs: z.number().nullable(),
  slo: SloResultSchema,
  scorecard: ScorecardSchema,
  /** What a reader should know before trusting the figures (a fault never exercised, causes not tracked). */
  warnings: z.array(z.string()).default([]),
  /** Per-policy counters; results stored before they existed read as an empty list. */
  policies: z.array(PolicyReportSchema).default([]),
  /**
   * With more than one replication: each headline metric's mean and 95 % confidence interval, and
   * with request classes each class's as `classes.<id>.availability`, `.errorRate`, `.p99LatencyMs`.
   */
  replications: z.object({ count: z.int().min(2), metrics: z.record(z.string(), ConfidenceIntervalSchema) }).optional(),
});
export type SimulationResult = z.infer<typeof SimulationResultSchema>;

export { ERROR_KINDS };
