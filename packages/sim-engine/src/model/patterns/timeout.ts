import type { OutgoingPolicy, PolicyCounters } from '@faultline/schemas';
import type { EventQueue } from '../../kernel/event-queue.ts';
import { E_CALL_TIMEOUT } from '../events.ts';
import type { Call } from '../requests.ts';
import type { Simulation } from '../simulation.ts';
import { ADMITTED, type AttemptGuard } from './guards.ts';

type TimeoutPolicy = Extract<OutgoingPolicy, { type: 'timeout' }>;

/** The caller gives up on an attempt after `timeoutMs`; the callee's work goes on. */
export class Timeout implements AttemptGuard {
  readonly timeoutMs: number;
  /** The event-queue lane of this timer: all its timers have the same delay. */
  private readonly lane: number;
  private timedOut = 0;

  constructor(policy: TimeoutPolicy, queue: EventQueue) {
    this.timeoutMs = policy.params.timeoutMs;
    this.lane = queue.laneFor(this.timeoutMs);
  }

  admit(sim: Simulation, call: Call): number {
    sim.queue.pushLane(this.lane, sim.now + this.timeoutMs, E_CALL_TIMEOUT, call.id, call.gen);
    return ADMITTED;
  }

  /** Nothing to give back: a timer that fires after its attempt ended is stale. */
  attemptEnded(): null {
    return null;
  }

  /** It refuses nothing. */
  rejectionCause(): number {
    return 0;
  }

  attemptTimedOut(sim: Simulation): void {
    if (sim.measuring) this.timedOut++;
  }

  counters(): PolicyCounters<'timeout'> {
    return { timedOut: this.timedOut };
  }
}
