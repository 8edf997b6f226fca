import type { Fault } from '@faultline/schemas';
import type { ErrorCode } from '../../codes.ts';
import { RandomStream } from '../../kernel/random.ts';
import type { ComponentRuntime, ConnectionRuntime } from '../components.ts';
import type { Crossing } from '../network.ts';
import type { Hop } from '../requests.ts';
import type { Simulation } from '../simulation.ts';

/**
 * A fault as the run sees it: its schedule (window, flapping, probability, ramp, maxTriggers) and
 * its own random stream. Each fault kind extends it with the effect it has at its hook: where a
 * request meets it (admission, service, answer, network) or, for faults that change a
 * component's state for a while (crash, memory, connections), at the moments it switches.
 *
 * Decisions the spec leaves open:
 * - `probability`, `ramp` and `maxTriggers` apply to per-request faults. A crash, a memory leak
 *   and connection exhaustion act on the component as a whole for their whole window.
 * - `intermittent` flaps every fault, state faults included (on for `onMs`, off for `offMs`).
 * - An open-ended fault (`durationMs: null`) lasts to the end of the run.
 */
export class InjectedFault {
  readonly id: string;
  /** The moments a fault switches on or off, in order: [t0 on, t1 off, t2 on, …]. */
  readonly moments: number[] = [];
  readonly start: number;
  readonly end: number;
  private readonly probability: number;
  private readonly ramp: { from: number; to: number } | undefined;
  private readonly onMs: number;
  private readonly cycleMs: number;
  private readonly maxTriggers: number;
  private triggers = 0;
  readonly random: RandomStream;
  /** Its position in the model's list of faults: the reference its own events carry. */
  index = -1;
  /** Its bit in the requests' cause sets (0 past the tracked faults, see causes.ts). */
  bit = 0;

  constructor(fault: Fault, { seed, runEnd }: FaultContext) {
    this.id = fault.id;
    const s = fault.schedule;
    this.start = s.startMs;
    this.end = s.durationMs === null ? runEnd : Math.min(runEnd, s.startMs + s.durationMs);
    this.probability = s.probability;
    this.ramp = s.ramp;
    this.onMs = s.intermittent ? s.intermittent.onMs : Infinity;
    this.cycleMs = s.intermittent ? s.intermittent.onMs + s.intermittent.offMs : Infinity;
    this.maxTriggers = s.maxTriggers ?? Infinity;
    this.random = new RandomStream(seed, `fault:${fault.id}`);
    if (this.cycleMs === Infinity) {
      if (this.start < this.end) this.moments.push(this.start, this.end);
    } else {
      for (let on = this.start; on < this.end; on += this.cycleMs)
        this.moments.push(on, Math.min(this.end, on + this.onMs));
    }
  }

  /** Within its window and, when intermittent, in an "on" phase. */
  active(now: number): boolean {
    if (now < this.start || now >= this.end) return false;
    return this.cycleMs === Infinity || (now - this.start) % this.cycleMs < this.onMs;
  }

  /** Whether the fault acts on a request seen now; counts towards `maxTriggers`. */
  acts(now: number): boolean {
    if (!this.active(now) || this.triggers >= this.maxTriggers) return false;
    const p = this.ramp
      ? this.ramp.from + ((this.ramp.to - this.ramp.from) * (now - this.start)) / (this.end - this.start)
      : this.probability;
    if (p < 1 && this.random.next() >= p) return false;
    this.triggers++;
    return true;
  }

  /** State faults: the fault switches on or off (the `k`-th of its `moments`; `last` ends it). */
  switched(_sim: Simulation, _on: boolean, _k: number, _last: boolean): void {}

  /** State faults: a moment the fault scheduled for itself has come (an OOM kill). */
  timer(_sim: Simulation): void {}
}

/** Admission: the component answers with an error instead of doing the work. */
export interface AdmissionFault extends InjectedFault {
  error(): ErrorCode;
}

/** Service: the local work takes longer. */
export interface ServiceFault extends InjectedFault {
  lengthen(work: number): number;
}

/** Answer: a successful answer is spoiled; returns the error it now fails with (or `error` unchanged). */
export interface AnswerFault extends InjectedFault {
  spoil(hop: Hop, error: ErrorCode): ErrorCode;
}

/** Network: a message crossing a connection; true when it goes no further. */
export interface NetworkFault extends InjectedFault {
  cross(crossing: Crossing, connection: ConnectionRuntime, async: boolean): boolean;
}

/** Where a fault sits in the compiled model: the one hook list it is filed in. */
export type Placement =
  | { hook: 'admission'; fault: AdmissionFault }
  | { hook: 'service'; fault: ServiceFault }
  | { hook: 'answer'; fault: AnswerFault }
  | { hook: 'network'; fault: NetworkFault }
  /** Acts through `switched` and `timer` only, or (disk-io off a database) not at all. */
  | { hook: 'state'; fault: InjectedFault };

/** What a fault targets, resolved. */
export type FaultPlace =
  { component: ComponentRuntime; connection?: never } | { connection: ConnectionRuntime; component?: never };

/** Everything a fault kind needs to compile one fault. */
export interface FaultContext {
  seed: number;
  runEnd: number;
}

/** One fault kind: how it compiles a fault of its type into its place in the model. */
export interface FaultKind<T extends Fault['type']> {
  compile(fault: Extract<Fault, { type: T }>, place: FaultPlace, context: FaultContext): Placement;
}
