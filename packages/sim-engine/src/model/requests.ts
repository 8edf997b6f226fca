import type { CallDef, ComponentRuntime, Instance, OperationRuntime } from './components.ts';

// The requests of a run: a hop at each component, a call for each downstream call. They are
// pooled and reused (an event names one by index and generation), so memory follows the requests
// in flight, not the requests simulated.

/**
 * The causes a request carries (SPEC §4.2), as bit sets of fault indices (see causes.ts). Marks
 * made below a hop or call reach it while it waits, so a failure can be charged without looking
 * down.
 */
class CauseMarks {
  /** Faults that acted on this request here or below. */
  acted = 0;
  /** Faults carried by the requests this one queued behind, here or below (indirect). */
  spread = 0;
  /** Faults whose effect a defence absorbed, here or below: charged nothing from then on. */
  absorbed = 0;
  /** Faults a fallback answered for, here or below. */
  fallbackFor = 0;
  /** Faults that lost a message or hung a callee this request waits on, here or below. */
  lost = 0;

  protected clearCauses(): void {
    this.acted = this.spread = this.absorbed = this.fallbackFor = this.lost = 0;
  }
}

/** What a hop answers to: the entry request, a waiting call, or nobody (queue, async, duplicate). */
export const ROOT = 0;
export const CALLEE = 1;
export const DETACHED = 2;

/**
 * A request being served at one component: one attempt of a call as its callee sees it. It
 * holds a worker while it waits for its own downstream calls (thread per request).
 *
 * The hop at the workload's client (ROOT) is the entry request itself. It ends exactly once,
 * answered or timed out; the hop lives on until its calls have ended.
 */
export class Hop extends CauseMarks {
  gen = 0;
  role = ROOT;
  /** ROOT: the entry request has ended (a client timeout may end it before its calls do). */
  ended = false;
  /** ROOT: arrived in the measured period, so it counts in the results. */
  counted = false;
  /** ROOT, closed loop: the user who sent it (-1 for open arrivals). */
  user = -1;
  /** The call this hop is the current attempt of, while that call still waits for it. */
  call: Call | null = null;
  callGen = 0;
  component!: ComponentRuntime;
  /** The operation asked for; at the client (ROOT), the request's class (SPEC §3.7). */
  operation!: OperationRuntime;
  instance: Instance | null = null;
  /** Links in the instance's list of hops in flight, so a crash can find them. */
  prev: Hop | null = null;
  next: Hop | null = null;
  linked = false;
  arrivedAt = 0;
  holdsWorker = false;
  /** How many of the component's inbound guards admitted this hop. */
  admittedBy = 0;
  /** Index of the next step (group of calls) to make. */
  step = 0;
  pending = 0;
  failure = 0;
  degraded = false;
  corrupted = false;
  cacheHit = false;
  /** How long the answer takes to travel back (half the connection latency, plus transfer time). */
  returnMs = 0;
  responseLost = false;
  /** Queue messages: how many times this one has been handed to a consumer. */
  deliveries = 1;
  /** The cause of `failure`, and whether a fault's own action produced it. */
  failureCause = 0;
  failureDirect = false;
  nextFree: Hop | null = null;
  constructor(readonly id: number) {
    super();
  }

  /** Ready for a new request at `component` (pooled hops keep the fields of their last use). */
  reset(role: number, component: ComponentRuntime, operation: OperationRuntime, arrivedAt: number): void {
    this.role = role;
    this.call = null;
    this.component = component;
    this.operation = operation;
    this.instance = null;
    this.linked = false;
    this.holdsWorker = false;
    this.arrivedAt = arrivedAt;
    this.admittedBy = 0;
    this.step = 0;
    this.pending = 0;
    this.failure = 0;
    this.degraded = false;
    this.corrupted = false;
    this.cacheHit = false;
    this.returnMs = 0;
    this.responseLost = false;
    this.deliveries = 1;
    this.clearCauses();
    this.failureCause = 0;
    this.failureDirect = false;
  }
}

/** A downstream call from a hop, across its retries: fallback(retry(breaker(bulkhead(timeout(attempt))))). */
export class Call extends CauseMarks {
  gen = 0;
  parent: Hop | null = null;
  parentGen = 0;
  def!: CallDef;
  attempt = 0;
  attemptStart = 0;
  inFlight = false;
  launched = false;
  /** How many of the call's attempt guards admitted the current attempt (outermost first). */
  admittedBy = 0;
  /** Parked by the guard at `admittedBy` (a full bulkhead) until a slot frees or the wait ends. */
  parked = false;
  /** The last backoff waited, for decorrelated jitter. */
  previousBackoff = 0;
  /** The answer on its way back, and how the connection damaged it (1 detectably, 2 silently). */
  responseError = 0;
  responseDegraded = false;
  responseCorrupted = false;
  corruption = 0;
  /** The cause of `responseError` (see Hop), and whether a fault's own action produced it. */
  responseCause = 0;
  responseDirect = false;
  /** A fault that lost this attempt's request or answer, or hung its callee: its timeout is that fault's doing. */
  lostBy = 0;
  /** The connection fault that corrupts this attempt's answer. */
  corruptedBy = 0;
  /** Causes of the attempts that failed before this one: absorbed if a later one succeeds. */
  failedCauses = 0;
  nextFree: Call | null = null;
  constructor(readonly id: number) {
    super();
  }

  /** Ready for a new call: its causes start empty (its marks span all its attempts). */
  resetCauses(): void {
    this.clearCauses();
    this.failedCauses = 0;
  }
}
