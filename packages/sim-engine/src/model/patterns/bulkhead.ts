import type { OutgoingPolicy, PolicyCounters } from '@faultline/schemas';
import type { ErrorCode } from '../../codes.ts';
import { BULKHEAD_FULL } from '../../codes.ts';
import { E_BULKHEAD_EXPIRE } from '../events.ts';
import type { Call } from '../requests.ts';
import type { Simulation } from '../simulation.ts';
import { ADMITTED, PARKED, type AttemptGuard } from './guards.ts';

type BulkheadPolicy = Extract<OutgoingPolicy, { type: 'bulkhead' }>;

/**
 * At most `maxConcurrentCalls` attempts in flight; others wait up to `maxWaitMs` for a slot, in
 * FIFO order, then fail with `bulkhead-full`. The bulkhead owns its slots and its waiting line:
 * a slot is taken by `tryAcquire` and given back by `release`, which hands it to the
 * longest-waiting call that still waits.
 */
export class Bulkhead implements AttemptGuard {
  readonly max: number;
  readonly maxWaitMs: number;
  inUse = 0;
  /** Calls waiting for a slot as (id, generation) pairs, FIFO; calls that gave up are skipped. */
  private readonly waiting: number[] = [];
  private waitingHead = 0;
  private rejected = 0;
  private peakInUse = 0;

  constructor(policy: BulkheadPolicy) {
    this.max = policy.params.maxConcurrentCalls;
    this.maxWaitMs = policy.params.maxWaitMs;
  }

  /** Entries in the waiting line, stale ones included. */
  get waitingCount(): number {
    return (this.waiting.length - this.waitingHead) / 2;
  }

  /** Takes a slot when one is free. */
  tryAcquire(): boolean {
    if (this.inUse >= this.max) return false;
    this.inUse++;
    return true;
  }

  admit(sim: Simulation, call: Call): number {
    if (this.tryAcquire()) {
      if (sim.measuring && this.inUse > this.peakInUse) this.peakInUse = this.inUse;
      return ADMITTED;
    }
    if (this.maxWaitMs <= 0) {
      if (sim.measuring) this.rejected++;
      return BULKHEAD_FULL;
    }
    call.parked = true;
    this.waiting.push(call.id, call.gen);
    sim.queue.push(sim.now + this.maxWaitMs, E_BULKHEAD_EXPIRE, call.id, call.gen);
    return PARKED;
  }

  attemptEnded(sim: Simulation): Call | null {
    return this.release(sim.calls.all);
  }

  /** Gives a slot back; the longest-waiting call that still waits takes it and is returned. */
  release(calls: readonly Call[]): Call | null {
    this.inUse--;
    this.dropStale(calls);
    if (this.waitingHead === this.waiting.length) return null;
    const call = calls[this.waiting[this.waitingHead]!]!;
    this.waitingHead += 2;
    this.compact();
    call.parked = false;
    this.inUse++;
    return call;
  }

  /** A waiting call's `maxWaitMs` is over: it stops waiting, and the line drops what no longer waits at its head. */
  expire(call: Call, calls: readonly Call[]): void {
    call.parked = false;
    this.dropStale(calls);
  }

  /** Entries at the head of the line whose call gave up: removed so the line never outgrows the calls waiting. */
  private dropStale(calls: readonly Call[]): void {
    const waiting = this.waiting;
    while (this.waitingHead < waiting.length) {
      const call = calls[waiting[this.waitingHead]!]!;
      if (call.gen === waiting[this.waitingHead + 1]! && call.parked) break;
      this.waitingHead += 2;
    }
    this.compact();
  }

  /** Forgets the entries before the head: all of them once the line is empty, else in large batches. */
  private compact(): void {
    const waiting = this.waiting;
    if (this.waitingHead === waiting.length) {
      waiting.length = 0;
      this.waitingHead = 0;
    } else if (this.waitingHead > 1024 && this.waitingHead * 2 > waiting.length) {
      waiting.splice(0, this.waitingHead);
      this.waitingHead = 0;
    }
  }

  /** It is full because of the calls holding it: the faults the calling component's requests carry. */
  rejectionCause(call: Call): number {
    return call.parent!.component.faultsInFlight.mask();
  }

  parkExpired(sim: Simulation, call: Call): ErrorCode {
    this.expire(call, sim.calls.all);
    if (sim.measuring) this.rejected++;
    return BULKHEAD_FULL;
  }

  counters(): PolicyCounters<'bulkhead'> {
    return { rejected: this.rejected, peakInUse: this.peakInUse };
  }
}
