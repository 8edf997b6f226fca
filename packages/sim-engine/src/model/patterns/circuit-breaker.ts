import type { OutgoingPolicy, PolicyCounters } from '@faultline/schemas';
import { CIRCUIT_OPEN, CLOSED, HALF_OPEN, OPEN, type ErrorCode } from '../../codes.ts';
import { round } from '../../stats/rounding.ts';
import type { Call } from '../requests.ts';
import type { Simulation } from '../simulation.ts';
import { ADMITTED, type AttemptGuard } from './guards.ts';

type BreakerPolicy = Extract<OutgoingPolicy, { type: 'circuit-breaker' }>;

export type TransitionListener = (breaker: CircuitBreaker, from: number, to: number, at: number) => void;

const TIME_BUCKETS = 10;
/** Slots a count window starts with; it doubles as calls fill it, up to its size. */
const INITIAL_RING = 64;

/**
 * Resilience4j's circuit breaker. CLOSED records outcomes in a sliding window (the last N calls,
 * or the calls of the last N ms in ten buckets) and opens when, after `minimumCalls`, the failure
 * or slow-call rate reaches its threshold. OPEN rejects until `waitInOpenMs` has passed, then
 * HALF_OPEN lets `permittedCallsInHalfOpen` calls through and decides on their outcomes.
 */
export class CircuitBreaker implements AttemptGuard {
  state = CLOSED;
  private openUntil = 0;
  private readonly countWindow: boolean;
  private readonly size: number;
  // Count window: a ring of outcomes (bit 1 failed, bit 2 slow). It grows with the calls it holds,
  // up to `size`, so a large window costs memory only once that many calls have been made; a
  // reset only rewinds it (slots are written again before they are read).
  private ring: Uint8Array;
  private ringNext = 0;
  // Time window: ten buckets of calls, failures and slow calls.
  private readonly bucketMs: number;
  private readonly bucketCalls = new Float64Array(TIME_BUCKETS);
  private readonly bucketFailures = new Float64Array(TIME_BUCKETS);
  private readonly bucketSlow = new Float64Array(TIME_BUCKETS);
  private bucketEpoch = 0;
  private calls = 0;
  private failures = 0;
  private slow = 0;
  private halfOpenAdmitted = 0;
  // Counters over the measured period.
  private shortCircuited = 0;
  private opened = 0;
  private openMs = 0;
  private openedAt = 0;
  // Causes (see causes.ts) of the failures in the window, per slot, and of those in half-open; when
  // it opens, the ones that opened it are what its refusals are charged to.
  private ringCauses: Int32Array;
  private readonly bucketCauses = new Int32Array(TIME_BUCKETS);
  private halfOpenCauses = 0;
  private openCauses = 0;

  readonly minimumCalls: number;
  readonly failureThreshold: number;
  readonly slowThreshold: number;
  readonly slowCallMs: number;
  readonly waitInOpenMs: number;
  readonly permittedInHalfOpen: number;

  constructor(
    readonly component: string,
    readonly connection: string | null,
    policy: BreakerPolicy,
    private readonly onTransition: TransitionListener,
    /** The measured period, [from, to): what the counters count. */
    private readonly measured = { from: 0, to: Infinity },
  ) {
    const p = policy.params;
    this.countWindow = p.slidingWindow.type === 'count';
    this.size = Math.max(1, Math.round(p.slidingWindow.size));
    const initial = this.countWindow ? Math.min(this.size, INITIAL_RING) : 0;
    this.ring = new Uint8Array(initial);
    this.ringCauses = new Int32Array(initial);
    this.bucketMs = this.countWindow ? 1 : p.slidingWindow.size / TIME_BUCKETS;
    this.minimumCalls = p.minimumCalls;
    this.failureThreshold = p.failureRateThreshold;
    this.slowThreshold = p.slowCallRateThreshold;
    this.slowCallMs = p.slowCallDurationMs;
    this.waitInOpenMs = p.waitInOpenMs;
    this.permittedInHalfOpen = p.permittedCallsInHalfOpen;
  }

  admit(sim: Simulation): number {
    if (this.tryAcquire(sim.now)) return ADMITTED;
    if (sim.measuring) this.shortCircuited++;
    return CIRCUIT_OPEN;
  }

  /** `now`: the end of the run, for a breaker still open then. */
  counters(now: number): PolicyCounters<'circuit-breaker'> {
    const openMs = this.openMs + (this.state === OPEN ? this.measuredSpan(this.openedAt, now) : 0);
    return { shortCircuited: this.shortCircuited, opened: this.opened, openMs: round(openMs) };
  }

  /** The part of [from, to) inside the measured period. */
  private measuredSpan(from: number, to: number): number {
    return Math.max(0, Math.min(to, this.measured.to) - Math.max(from, this.measured.from));
  }

  attemptEnded(sim: Simulation, call: Call, error: ErrorCode): null {
    this.record(sim.now, error !== 0, sim.now - call.attemptStart, error !== 0 ? call.responseCause : 0);
    return null;
  }

  /** It refuses because of the failures that opened it. */
  rejectionCause(): number {
    return this.openCauses;
  }

  /** May a call go through now? Moves OPEN to HALF_OPEN when the wait is over. */
  tryAcquire(now: number): boolean {
    if (this.state === OPEN) {
      if (now < this.openUntil) return false;
      this.transition(HALF_OPEN, now);
    }
    if (this.state === HALF_OPEN) {
      if (this.halfOpenAdmitted >= this.permittedInHalfOpen) return false;
      this.halfOpenAdmitted++;
    }
    return true;
  }

  /** Records the outcome of a call that was let through (`cause`: a failure's, see causes.ts). */
  record(now: number, failed: boolean, durationMs: number, cause = 0): void {
    const slow = durationMs >= this.slowCallMs;
    if (this.state === OPEN) return; // a call let through before the breaker opened
    if (this.state === HALF_OPEN) {
      this.halfOpenCauses |= cause;
      this.add(now, failed, slow, cause);
      if (this.calls >= this.permittedInHalfOpen) this.transition(this.tripped() ? OPEN : CLOSED, now);
      return;
    }
    this.add(now, failed, slow, cause);
    if (this.calls >= this.minimumCalls && this.tripped()) this.transition(OPEN, now);
  }

  private tripped(): boolean {
    return (
      (this.failures * 100) / this.calls >= this.failureThreshold ||
      (this.slow * 100) / this.calls >= this.slowThreshold
    );
  }

  private add(now: number, failed: boolean, slow: boolean, cause: number): void {
    if (this.countWindow && this.state === CLOSED) {
      if (this.calls === this.size) {
        const old = this.ring[this.ringNext]!;
        this.failures -= old & 1;
        this.slow -= (old >> 1) & 1;
        this.calls--;
      } else if (this.ringNext === this.ring.length) {
        this.growRing();
      }
      this.ring[this.ringNext] = (failed ? 1 : 0) | (slow ? 2 : 0);
      this.ringCauses[this.ringNext] = cause;
      this.ringNext = (this.ringNext + 1) % this.size;
    } else if (this.state === CLOSED) {
      this.advanceBuckets(now);
      const b = this.bucketEpoch % TIME_BUCKETS;
      this.bucketCalls[b]!++;
      if (failed) this.bucketFailures[b]!++;
      if (slow) this.bucketSlow[b]!++;
      this.bucketCauses[b]! |= cause;
    }
    this.calls++;
    if (failed) this.failures++;
    if (slow) this.slow++;
  }

  /** Before the window first fills, the slots in use are [0, calls): doubling keeps them in place. */
  private growRing(): void {
    const length = Math.min(this.size, this.ring.length * 2);
    const ring = new Uint8Array(length);
    ring.set(this.ring);
    const causes = new Int32Array(length);
    causes.set(this.ringCauses);
    this.ring = ring;
    this.ringCauses = causes;
  }

  /** Drops the buckets that slid out of the time window. */
  private advanceBuckets(now: number): void {
    const epoch = Math.floor(now / this.bucketMs);
    if (epoch - this.bucketEpoch >= TIME_BUCKETS) {
      this.resetWindow();
    } else {
      while (this.bucketEpoch < epoch) {
        this.bucketEpoch++;
        const b = this.bucketEpoch % TIME_BUCKETS;
        this.calls -= this.bucketCalls[b]!;
        this.failures -= this.bucketFailures[b]!;
        this.slow -= this.bucketSlow[b]!;
        this.bucketCalls[b] = this.bucketFailures[b] = this.bucketSlow[b] = this.bucketCauses[b] = 0;
      }
    }
    this.bucketEpoch = epoch;
  }

  // The ring is not cleared: a count window reads a slot only once it is full, that is after every
  // slot has been written again since this reset, and its causes are read over [0, calls) alone.
  private resetWindow(): void {
    this.calls = this.failures = this.slow = 0;
    this.ringNext = 0;
    this.bucketCalls.fill(0);
    this.bucketFailures.fill(0);
    this.bucketSlow.fill(0);
    this.bucketCauses.fill(0);
    this.halfOpenCauses = 0;
  }

  /** The causes of the failures in the window now. */
  private windowCauses(): number {
    if (this.state === HALF_OPEN) return this.halfOpenCauses;
    let causes = 0;
    if (this.countWindow) for (let i = 0; i < this.calls; i++) causes |= this.ringCauses[i]!;
    else for (const c of this.bucketCauses) causes |= c;
    return causes;
  }

  private transition(to: number, now: number): void {
    const from = this.state;
    if (from === OPEN) this.openMs += this.measuredSpan(this.openedAt, now);
    if (to === OPEN) {
      this.openCauses = this.windowCauses();
      this.openedAt = now;
      if (now >= this.measured.from && now < this.measured.to) this.opened++;
    }
    this.state = to;
    this.resetWindow();
    this.halfOpenAdmitted = 0;
    if (to === OPEN) this.openUntil = now + this.waitInOpenMs;
    this.onTransition(this, from, to, now);
  }
}
