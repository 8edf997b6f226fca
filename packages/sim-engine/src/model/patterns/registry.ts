import type { InboundPolicy, OutgoingPolicy } from '@faultline/schemas';
import type { EventQueue } from '../../kernel/event-queue.ts';
import { Bulkhead } from './bulkhead.ts';
import { CircuitBreaker, type TransitionListener } from './circuit-breaker.ts';
import { Fallback } from './fallback.ts';
import type { AttemptGuard, FailureHandler, InboundGuard } from './guards.ts';
import { LoadShedding } from './load-shedding.ts';
import { RateLimiter } from './rate-limiter.ts';
import { RetryPolicy } from './retry.ts';
import { Timeout } from './timeout.ts';

// Every resilience pattern, keyed by its schema type: a type added to the schemas without an
// entry here does not compile. A new pattern is one class, one entry, its schema and its form.

type OutgoingOf<T extends OutgoingPolicy['type']> = Extract<OutgoingPolicy, { type: T }>;
type InboundOf<T extends InboundPolicy['type']> = Extract<InboundPolicy, { type: T }>;

export interface PatternContext {
  queue: EventQueue;
  /** The calling component's id. */
  component: string;
  onTransition: TransitionListener;
  /** The measured period, [from, to). */
  measured: { from: number; to: number };
}

/** An outgoing pattern either guards each attempt or handles a failed one. */
type OutgoingPattern<T extends OutgoingPolicy['type']> =
  | { layer: number; role: 'guard'; build(policy: OutgoingOf<T>, context: PatternContext): AttemptGuard }
  | { layer: number; role: 'handler'; build(policy: OutgoingOf<T>, context: PatternContext): FailureHandler };

/** `layer` is the SPEC's order on an outgoing call, outermost first (SPEC §3.4). */
export const OUTGOING_PATTERNS = {
  fallback: { layer: 0, role: 'handler', build: (policy) => new Fallback(policy) },
  retry: { layer: 1, role: 'handler', build: (policy) => new RetryPolicy(policy) },
  'circuit-breaker': {
    layer: 2,
    role: 'guard',
    build: (policy, { component, onTransition, measured }) =>
      new CircuitBreaker(component, policy.connection ?? null, policy, onTransition, measured),
  },
  bulkhead: { layer: 3, role: 'guard', build: (policy) => new Bulkhead(policy) },
  timeout: { layer: 4, role: 'guard', build: (policy, { queue }) => new Timeout(policy, queue) },
} satisfies { [T in OutgoingPolicy['type']]: OutgoingPattern<T> };

/** A built outgoing pattern, by its role. */
export type OutgoingPatternInstance =
  { role: 'guard'; pattern: AttemptGuard } | { role: 'handler'; pattern: FailureHandler };

export function buildOutgoing(policy: OutgoingPolicy, context: PatternContext): OutgoingPatternInstance {
  // The registry's entry for the policy's own type: the cast restates that pairing.
  const entry = OUTGOING_PATTERNS[policy.type] as OutgoingPattern<OutgoingPolicy['type']>;
  return entry.role === 'guard'
    ? { role: 'guard', pattern: entry.build(policy, context) }
    : { role: 'handler', pattern: entry.build(policy, context) };
}

/** The outgoing pattern types, outermost first. */
export const OUTGOING_ORDER = (Object.keys(OUTGOING_PATTERNS) as OutgoingPolicy['type'][]).sort(
  (a, b) => OUTGOING_PATTERNS[a].layer - OUTGOING_PATTERNS[b].layer,
);

/** Inbound guards, asked in `layer` order: shedding refuses before the limiter spends a permit. */
export const INBOUND_PATTERNS = {
  'load-shedding': { layer: 0, build: (policy) => new LoadShedding(policy) },
  'rate-limiter': { layer: 1, build: (policy) => new RateLimiter(policy) },
} satisfies { [T in InboundPolicy['type']]: { layer: number; build(policy: InboundOf<T>): InboundGuard } };

export function buildInbound(policy: InboundPolicy): InboundGuard {
  // The registry's entry for the policy's own type: the cast restates that pairing.
  return (INBOUND_PATTERNS[policy.type].build as (p: InboundPolicy) => InboundGuard)(policy);
}

/** Inbound policies in the order they are asked. */
export const byInboundLayer = (a: InboundPolicy, b: InboundPolicy) =>
  INBOUND_PATTERNS[a.type].layer - INBOUND_PATTERNS[b.type].layer;

/** The policy of `type` on a call over `connection`: a connection's own policy wins over an all-calls one. */
export function pick<T extends OutgoingPolicy['type']>(
  policies: readonly OutgoingPolicy[],
  type: T,
  connection: string,
): OutgoingOf<T> | undefined {
  return (policies.find((p) => p.type === type && p.connection === connection) ??
    policies.find((p) => p.type === type && p.connection === undefined)) as OutgoingOf<T> | undefined;
}
