import type { OutgoingPolicy, PolicyCounters } from '@faultline/schemas';
import { ERROR_CODES, code, type ErrorCode } from '../../codes.ts';
import type { RandomStream } from '../../kernel/random.ts';
import { E_RETRY } from '../events.ts';
import type { Call } from '../requests.ts';
import type { Simulation } from '../simulation.ts';
import type { FailureHandler } from './guards.ts';

type RetryPolicyParams = Extract<OutgoingPolicy, { type: 'retry' }>;

/** Retry with backoff and jitter (Resilience4j's IntervalFunction, with its jitter variants). */
export class RetryPolicy implements FailureHandler {
  readonly maxAttempts: number;
  private readonly retryOn: Uint8Array;
  private readonly exponential: boolean;
  private readonly initial: number;
  private readonly multiplier: number;
  private readonly max: number;
  private readonly jitter: 'none' | 'full' | 'equal' | 'decorrelated';
  private retried = 0;
  private exhausted = 0;
  private recovered = 0;

  constructor(policy: RetryPolicyParams) {
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

  /** Retries a failed attempt after its backoff while attempts are left and the error is retried. */
  handle(sim: Simulation, call: Call, error: ErrorCode): boolean {
    if (!this.retries(error)) return false;
    if (call.attempt >= this.maxAttempts) {
      if (sim.measuring) this.exhausted++;
      return false;
    }
    if (sim.measuring) {
      this.retried++;
      sim.collector.retries++;
    }
    const wait = this.backoff(call.attempt, call.previousBackoff, sim.jitter);
    call.previousBackoff = wait;
    sim.queue.push(sim.now + wait, E_RETRY, call.id, call.gen);
    return true;
  }

  callSucceeded(sim: Simulation, call: Call): void {
    if (call.attempt > 1 && sim.measuring) this.recovered++;
  }

  counters(): PolicyCounters<'retry'> {
    return { retries: this.retried, exhausted: this.exhausted, recovered: this.recovered };
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
