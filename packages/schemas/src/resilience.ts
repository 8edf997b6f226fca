import { z } from 'zod';
import { ErrorKindSchema, type ErrorKind } from './errors.ts';
import { CountSchema, DurationMsSchema, PercentSchema, PositiveDurationMsSchema, SlugSchema } from './ids.ts';
import { atMost, SIZE_LIMITS } from './size-limits.ts';

/** A count with its upper bound from SIZE_LIMITS. */
const countUpTo = (bound: number) => CountSchema.max(bound, atMost(bound));

// Parameters follow Resilience4j's names, meanings and defaults (SPEC §3.4), with one deliberate
// difference: every duration is in milliseconds, including a time-based sliding window's size
// (Resilience4j counts that one in seconds).

/** Retried by default: every error kind except the two that another attempt cannot fix. */
export const DEFAULT_RETRY_ON: ErrorKind[] = ErrorKindSchema.options.filter(
  (k) => k !== 'unauthorized' && k !== 'invalid-data',
);

const target = { connection: SlugSchema.optional() };

export const TimeoutPolicySchema = z.strictObject({
  type: z.literal('timeout'),
  ...target,
  params: z.strictObject({ timeoutMs: PositiveDurationMsSchema }),
});

export const BackoffSchema = z.strictObject({
  kind: z.enum(['fixed', 'exponential']).default('exponential'),
  initialMs: DurationMsSchema.default(500),
  multiplier: z.number().min(1).finite().default(2),
  maxMs: DurationMsSchema.default(30_000),
});

export const RetryPolicySchema = z.strictObject({
  type: z.literal('retry'),
  ...target,
  params: z.strictObject({
    maxAttempts: countUpTo(SIZE_LIMITS.retryAttempts).default(3),
    backoff: BackoffSchema.prefault({}),
    jitter: z.enum(['none', 'full', 'equal', 'decorrelated']).default('none'),
    retryOn: z.array(ErrorKindSchema).default(() => [...DEFAULT_RETRY_ON]),
  }),
});

export const CircuitBreakerPolicySchema = z.strictObject({
  type: z.literal('circuit-breaker'),
  ...target,
  params: z.strictObject({
    /** `count`: the last `size` calls; `time`: the calls of the last `size` ms. */
    slidingWindow: z
      .strictObject({
        type: z.enum(['count', 'time']).default('count'),
        size: z.number().positive().finite().default(100),
      })
      // The bound depends on what the size counts; a count window's calls are held one by one.
      .superRefine((w, ctx) => {
        const [bound, unit] =
          w.type === 'count'
            ? [SIZE_LIMITS.breakerWindowCalls, ' calls for a count window']
            : [SIZE_LIMITS.breakerWindowMs, ' ms for a time window'];
        if (w.size > bound) ctx.addIssue({ code: 'custom', path: ['size'], ...atMost(bound, unit) });
      })
      .prefault({}),
    minimumCalls: countUpTo(SIZE_LIMITS.breakerCalls).default(100),
    failureRateThreshold: PercentSchema.default(50),
    slowCallDurationMs: PositiveDurationMsSchema.default(60_000),
    slowCallRateThreshold: PercentSchema.default(100),
    waitInOpenMs: DurationMsSchema.default(60_000),
    permittedCallsInHalfOpen: countUpTo(SIZE_LIMITS.breakerCalls).default(10),
  }),
});

export const BulkheadPolicySchema = z.strictObject({
  type: z.literal('bulkhead'),
  ...target,
  params: z.strictObject({
    maxConcurrentCalls: countUpTo(SIZE_LIMITS.bulkheadCalls).default(25),
    maxWaitMs: DurationMsSchema.default(0),
  }),
});

export const FallbackPolicySchema = z.strictObject({
  type: z.literal('fallback'),
  ...target,
  params: z.strictObject({
    kind: z.enum(['static', 'cached']).default('static'),
    latencyMs: DurationMsSchema.default(0),
  }),
});

/** Caller-side policies, in a component's `resilience` list. */
export const OutgoingPolicySchema = z.discriminatedUnion('type', [
  TimeoutPolicySchema,
  RetryPolicySchema,
  CircuitBreakerPolicySchema,
  BulkheadPolicySchema,
  FallbackPolicySchema,
]);
export type OutgoingPolicy = z.infer<typeof OutgoingPolicySchema>;
export type OutgoingPolicyType = OutgoingPolicy['type'];

/** Order on an outgoing call, outermost first (SPEC §3.4). */
export const OUTGOING_POLICY_ORDER: OutgoingPolicyType[] = [
  'fallback',
  'retry',
  'circuit-breaker',
  'bulkhead',
  'timeout',
];

// Inbound guards protect the whole component, whatever connection a request arrived by, so they
// take no `connection`.
export const RateLimiterPolicySchema = z.strictObject({
  type: z.literal('rate-limiter'),
  params: z.strictObject({
    limitForPeriod: countUpTo(SIZE_LIMITS.permitsPerPeriod).default(50),
    refreshPeriodMs: PositiveDurationMsSchema.default(500),
    timeoutMs: DurationMsSchema.default(5_000),
  }),
});

export const LoadSheddingPolicySchema = z.strictObject({
  type: z.literal('load-shedding'),
  params: z.strictObject({ maxInFlight: countUpTo(SIZE_LIMITS.maxInFlight) }),
});

/** Server-side guards, in a component's `inbound` list. */
export const InboundPolicySchema = z.discriminatedUnion('type', [RateLimiterPolicySchema, LoadSheddingPolicySchema]);
export type InboundPolicy = z.infer<typeof InboundPolicySchema>;

export const OutgoingPoliciesSchema = z.array(OutgoingPolicySchema).max(20).default([]);
export const InboundPoliciesSchema = z.array(InboundPolicySchema).max(10).default([]);

/** A component's policies, as the resilience endpoint reads and writes them. */
export const ResiliencePoliciesSchema = z.strictObject({
  resilience: OutgoingPoliciesSchema,
  inbound: InboundPoliciesSchema,
});
export type ResiliencePolicies = z.infer<typeof ResiliencePoliciesSchema>;
