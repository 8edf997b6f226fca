// The caller's side of a call: its attempt guards outermost first (circuit breaker, bulkhead,
// timeout), the network with its faults, then its failure handlers innermost first (retry,
// fallback): fallback(retry(breaker(bulkhead(timeout(attempt))))), SPEC §3.4. Answers always
// arrive as events, never inside the call that asked, so a step's bookkeeping is never re-entered.
import { CONNECTION_REFUSED, TIMEOUT, type ErrorCode } from '../codes.ts';
import type { CallDef } from './components.ts';
import { E_ATTEMPT_REJECTED } from './events.ts';
import { REFUSED, REQUEST_LOST, RESPONSE_LOST, crossNetwork, sendHop } from './network.ts';
import {
  cause,
  direct,
  markAbsorbed,
  markActed,
  markCallActed,
  markCallLost,
  systemCause,
  timeoutCause,
} from './causes.ts';
import { ADMITTED, PARKED, type AttemptGuard } from './patterns/guards.ts';
import { CALLEE, DETACHED, type Call, type Hop } from './requests.ts';
// eslint-disable-next-line import-x/no-cycle -- the caller/callee pair: see serving.ts
import { callFinished } from './serving.ts';
import type { Simulation } from './simulation.ts';

export function startCall(sim: Simulation, parent: Hop, def: CallDef): void {
  const call = sim.calls.take();
  call.parent = parent;
  call.parentGen = parent.gen;
  call.def = def;
  call.attempt = 0;
  call.previousBackoff = 0;
  call.inFlight = false;
  call.launched = false;
  call.admittedBy = 0;
  call.parked = false;
  call.resetCauses();
  tryAttempt(sim, call);
}

function tryAttempt(sim: Simulation, call: Call): void {
  call.attempt++;
  call.admittedBy = 0;
  call.lostBy = 0;
  passGuards(sim, call);
}

/** Asks the guards not yet passed, outermost first, then launches the attempt. */
function passGuards(sim: Simulation, call: Call): void {
  const guards = call.def.guards;
  while (call.admittedBy < guards.length) {
    const verdict = guards[call.admittedBy]!.admit(sim, call);
    if (verdict === PARKED) return;
    if (verdict !== ADMITTED) return refuseAttempt(sim, call, verdict, guards[call.admittedBy]!);
    call.admittedBy++;
  }
  launch(sim, call);
}

/** A guard refused the attempt: a failure the system produced, charged as causes.ts says. */
function refuseAttempt(sim: Simulation, call: Call, error: ErrorCode, guard: AttemptGuard): void {
  refusalCause(call, guard);
  reject(sim, call, error, cause.mask, cause.direct);
}

/**
 * What a guard's refusal is charged to: the faults the request carries, else those behind the
 * guard's own state (an open breaker's failures, the calls holding a bulkhead), else nothing.
 */
function refusalCause(call: Call, guard: AttemptGuard): void {
  systemCause(call, null);
  if (cause.mask === 0) cause.mask = guard.rejectionCause(call) & ~call.absorbed;
}

function reject(sim: Simulation, call: Call, error: ErrorCode, causeMask: number, direct: boolean): void {
  call.responseError = error;
  call.responseCause = causeMask;
  call.responseDirect = direct;
  sim.queue.pushLane(sim.nowLane, sim.now, E_ATTEMPT_REJECTED, call.id, call.gen);
}

export function handleAttemptRejected(sim: Simulation, call: Call, gen: number): void {
  if (call.gen === gen) attemptDone(sim, call, call.responseError, false, false);
}

/** A parked attempt's wait (a bulkhead's `maxWaitMs`) is over without a slot. */
export function handleBulkheadExpire(sim: Simulation, call: Call, gen: number): void {
  if (call.gen !== gen || !call.parked) return;
  const guard = call.def.guards[call.admittedBy]!;
  const error = guard.parkExpired!(sim, call);
  refusalCause(call, guard);
  call.responseCause = cause.mask;
  call.responseDirect = cause.direct;
  attemptDone(sim, call, error, false, false);
}

/** One attempt leaves: the request crosses the network (with its faults). */
function launch(sim: Simulation, call: Call): void {
  const def = call.def;
  const connection = def.connection;
  call.launched = true;
  call.inFlight = true;
  call.attemptStart = sim.now;
  connection.outstanding++;
  if (sim.measuring) sim.collector.downstreamCalls++;
  const crossing = crossNetwork(sim, connection, false);
  if (crossing.acted !== 0) {
    markCallActed(call, crossing.acted);
    if (crossing.lost === REFUSED) return reject(sim, call, CONNECTION_REFUSED, crossing.refusedBy, true);
    if (crossing.lostBy !== 0) {
      call.lostBy = crossing.lostBy;
      markCallLost(call, crossing.lostBy);
    }
    call.corruptedBy = crossing.corruptedBy;
  }
  call.corruption = crossing.corruption;
  if (crossing.lost !== REQUEST_LOST) {
    const hop = sendHop(sim, CALLEE, connection.target, def.operation, crossing.out, connection.halfLane);
    hop.call = call;
    hop.callGen = call.gen;
    hop.returnMs = crossing.back;
    hop.responseLost = crossing.lost === RESPONSE_LOST;
  }
  // The copy does the work again; nobody waits for its answer. It carries the duplicate fault
  // into the queue it joins (see causes.ts).
  if (crossing.duplicate) {
    markActed(
      sendHop(sim, DETACHED, connection.target, def.operation, crossing.out, connection.halfLane),
      crossing.acted,
    );
  }
}

/** Fire and forget over an async connection: the caller does not wait, and its patterns do not apply. */
export function sendAsync(sim: Simulation, def: CallDef): void {
  const connection = def.connection;
  if (sim.measuring) sim.collector.downstreamCalls++;
  const crossing = crossNetwork(sim, connection, true);
  if (crossing.lost === REFUSED || crossing.lost === REQUEST_LOST) return;
  const copies = crossing.duplicate ? 2 : 1;
  for (let i = 0; i < copies; i++) {
    const hop = sendHop(sim, DETACHED, connection.target, def.operation, crossing.out, connection.halfLane);
    if (crossing.acted !== 0) markActed(hop, crossing.acted);
  }
}

export function handleResponse(sim: Simulation, call: Call, gen: number): void {
  if (call.gen !== gen || !call.inFlight) {
    if (sim.measuring) sim.collector.wastedWork++;
    return;
  }
  attemptDone(sim, call, call.responseError, call.responseDegraded, call.responseCorrupted);
}

export function handleCallTimeout(sim: Simulation, call: Call, gen: number): void {
  if (call.gen !== gen || !call.inFlight) return;
  if (sim.measuring) sim.collector.timeouts++;
  const guards = call.def.guards;
  for (let i = 0; i < call.admittedBy; i++) guards[i]!.attemptTimedOut?.(sim);
  if (call.lostBy !== 0) {
    // This attempt's request or answer was lost, or its callee hung: that fault's doing.
    direct(call.lostBy);
  } else {
    timeoutCause(call, call.def.connection.target);
  }
  call.responseCause = cause.mask;
  call.responseDirect = cause.direct;
  attemptDone(sim, call, TIMEOUT, false, false);
}

/** An attempt ended: its guards hear of it innermost first, then a handler retries or falls back, or the call answers. */
function attemptDone(sim: Simulation, call: Call, error: ErrorCode, degraded: boolean, corrupted: boolean): void {
  const def = call.def;
  if (call.launched) {
    def.connection.outstanding--;
    call.launched = false;
  }
  call.inFlight = false;
  call.gen++; // answers to this attempt arriving later are stale
  const guards = def.guards;
  for (let i = call.admittedBy - 1; i >= 0; i--) {
    // A freed bulkhead slot lets the longest-waiting call go on past it.
    const resumed = guards[i]!.attemptEnded(sim, call, error);
    if (resumed !== null) {
      resumed.admittedBy++;
      passGuards(sim, resumed);
    }
  }
  call.admittedBy = 0;
  const handlers = def.handlers;
  if (error === 0) {
    for (let i = 0; i < handlers.length; i++) handlers[i]!.callSucceeded?.(sim, call);
    // A retry succeeded: the faults that failed the earlier attempts were absorbed.
    if (call.failedCauses !== 0) absorb(call, call.failedCauses, false);
  } else if (call.parent!.gen === call.parentGen) {
    for (let i = 0; i < handlers.length; i++) {
      if (handlers[i]!.handle(sim, call, error)) {
        call.failedCauses |= call.responseCause;
        return;
      }
    }
  }
  finishCall(sim, call, error, degraded, corrupted);
}

export function handleRetry(sim: Simulation, call: Call, gen: number): void {
  if (call.gen === gen) tryAttempt(sim, call);
}

/** The fallback answers a degraded success in place of the failure, absorbing what caused it. */
export function handleFallbackDone(sim: Simulation, call: Call, gen: number): void {
  if (call.gen !== gen) return;
  absorb(call, call.failedCauses, true);
  finishCall(sim, call, 0, true, false);
}

function absorb(call: Call, mask: number, fallback: boolean): void {
  const parent = call.parent!;
  if (parent.gen === call.parentGen) markAbsorbed(parent, mask, fallback);
}

function finishCall(sim: Simulation, call: Call, error: ErrorCode, degraded: boolean, corrupted: boolean): void {
  const parent = call.parent!;
  if (parent.gen === call.parentGen) {
    const causeMask = error === 0 ? 0 : call.responseCause;
    callFinished(sim, parent, error, call.def.required, degraded, corrupted, causeMask, call.responseDirect);
  }
  call.parent = null;
  sim.calls.release(call);
}
