import type { OutgoingPolicy } from '@faultline/schemas';
import { ERROR_CODES, code, type ErrorCode } from './errors.ts';
import type { RandomStream } from '../kernel/random.ts';

type PolicyOf<T extends OutgoingPolicy['type']> = Extract<OutgoingPolicy, { type: T }>;

/** Retry with backoff and jitter (Resilience4j's IntervalFunction, with its jitter variants). */
export class RetryPolicy {
  readonly maxAttempts: number;
  private readonly retryOn: Uint8Array;
  private readonly exponential: boolean;
  private readonly initial: number;
  private readonly multiplier: number;
  private readonly max: number;
  private readonly jitter: 'none' | 'full' | 'equal' | 'decorrelated';

  constructor(policy: PolicyOf<'retry'>) {
    const { maxAttempts, backoff, jitter, retryOn } = policy.params;
    this.maxAttempts = maxAttempts;
    this.retryOn = new Uint8Array(ERROR_CODES.length + 1);
    // A parsed design always states retryOn (the schema fills in its default).
    for (const kind of retryOn) this.retryOn[code(kind)] = 1;
    this.exponential = backoff.kind === 'exponential';
    this.initial = backoff.initialMs;
    this.multiplier = backoff.multiplier;
    this.max = backoff.maxMs;
    this.jitter = jitter;
  }

  retries(error: ErrorCode): boolean {
    return this.retryOn[error] === 1;
  }

  /** The wait before attempt `attempt + 1` (attempt counts from 1); `previous` feeds decorrelated jitter. */
  backoff(attempt: number, previous: number, random: RandomStream): number {
    const base = this.exponential
      ? Math.min(this.max, this.initial * Math.pow(this.multiplier, attempt - 1))
      : Math.min(this.max, this.initial);
    switch (this.jitter) {
      case 'none':
        return base;
      case 'full':
        return random.next() * base;
      case 'equal':
        return base / 2 + (random.next() * base) / 2;
      case 'decorrelated': {
        const upper = Math.max(this.initial, (previous || this.initial) * 3);
        return Math.min(this.max, this.initial + random.next() * (upper - this.initial));
      }
    }
  }
}

/** At most `maxConcurrentCalls` in flight; others wait up to `maxWaitMs` in FIFO order. */
export class Bulkhead {
  readonly max: number;
  readonly maxWaitMs: number;
  inUse = 0;
  /** Call ids waiting for a slot, FIFO; stale entries (calls that gave up) are skipped. */
  readonly waiting: number[] = [];
  waitingHead = 0;

  constructor(policy: PolicyOf<'bulkhead'>) {
    this.max = policy.params.maxConcurrentCalls;
    this.maxWaitMs = policy.params.maxWaitMs;
  }
}

/** The resolved policies on one outgoing call: a connection's own policy wins over an all-calls one. */
export interface CallPolicies {
  timeoutMs: number;
  /** The event-queue lane of this timeout (all its timers have the same delay). */
  timeoutLane: number;
  retry: RetryPolicy | null;
  breaker: number; // index into the simulation's breakers, -1 for none
  bulkhead: Bulkhead | null;
  fallbackLatencyMs: number; // -1 for none
}

export function pick<T extends OutgoingPolicy['type']>(
  policies: OutgoingPolicy[],
  type: T,
  connection: string,
): PolicyOf<T> | undefined {
  return (policies.find((p) => p.type === type && p.connection === connection) ??
    policies.find((p) => p.type === type && p.connection === undefined)) as PolicyOf<T> | undefined;
}
