// The caller's side of a call, outermost first: fallback, retry, circuit breaker, bulkhead,
// timeout (SPEC §3.4), then the network with its faults. Answers always arrive as events, never
// inside the call that asked, so a step's bookkeeping is never re-entered.
import {
  E_ATTEMPT_REJECTED,
  E_BULKHEAD_EXPIRE,
  E_CALL_TIMEOUT,
  E_FALLBACK_DONE,
  E_RESPONSE,
  E_RETRY,
} from './events.ts';
import { BULKHEAD_FULL, CIRCUIT_OPEN, CONNECTION_REFUSED, INVALID_DATA, TIMEOUT } from './errors.ts';
import { CALLEE, DETACHED, type Call, type Hop } from './entities.ts';
import type { Bulkhead } from './policies.ts';
import type { CallDef, ConnectionRuntime } from './runtime.ts';
import type { Simulation } from './simulation.ts';
import { callFinished, sendHop } from './serving.ts';

const REQUEST_LOST = 1;
const RESPONSE_LOST = 2;
const REFUSED = 3;

export function startCall(sim: Simulation, parent: Hop, def: CallDef): void {
  const call = sim.calls.take();
  call.parent = parent;
  call.parentGen = parent.gen;
  call.def = def;
  call.attempt = 0;
  call.previousBackoff = 0;
  call.inFlight = false;
  call.launched = false;
  call.holdsBulkhead = false;
  call.waitingBulkhead = false;
  call.breakerAdmitted = false;
  tryAttempt(sim, call);
}

function tryAttempt(sim: Simulation, call: Call): void {
  call.attempt++;
  const policies = call.def.policies;
  if (policies.breaker >= 0) {
    if (!sim.model.breakers[policies.breaker]!.tryAcquire(sim.now)) return reject(sim, call, CIRCUIT_OPEN);
    call.breakerAdmitted = true;
  }
  const bulkhead = policies.bulkhead;
  if (bulkhead !== null) {
    if (bulkhead.inUse < bulkhead.max) {
      bulkhead.inUse++;
      call.holdsBulkhead = true;
    } else if (bulkhead.maxWaitMs > 0) {
      call.waitingBulkhead = true;
      bulkhead.waiting.push(call.id, call.gen);
      sim.queue.push(sim.now + bulkhead.maxWaitMs, E_BULKHEAD_EXPIRE, call.id, call.gen);
      return;
    } else {
      return reject(sim, call, BULKHEAD_FULL);
    }
  }
  launch(sim, call);
}

function reject(sim: Simulation, call: Call, error: number): void {
  call.responseError = error;
  sim.queue.pushLane(sim.nowLane, sim.now, E_ATTEMPT_REJECTED, call.id, call.gen);
}

export function handleAttemptRejected(sim: Simulation, call: Call, gen: number): void {
  if (call.gen === gen) attemptDone(sim, call, call.responseError, false, false);
}

export function handleBulkheadExpire(sim: Simulation, call: Call, gen: number): void {
  if (call.gen !== gen || !call.waitingBulkhead) return;
  call.waitingBulkhead = false;
  attemptDone(sim, call, BULKHEAD_FULL, false, false);
}

/** A slot came free: the longest-waiting call that still waits takes it. */
function admitWaiting(sim: Simulation, bulkhead: Bulkhead): void {
  const waiting = bulkhead.waiting;
  while (bulkhead.waitingHead < waiting.length && bulkhead.inUse < bulkhead.max) {
    const call = sim.calls.all[waiting[bulkhead.waitingHead]!]!;
    const gen = waiting[bulkhead.waitingHead + 1]!;
    bulkhead.waitingHead += 2;
    if (call.gen !== gen || !call.waitingBulkhead) continue;
    call.waitingBulkhead = false;
    bulkhead.inUse++;
    call.holdsBulkhead = true;
    launch(sim, call);
  }
  if (bulkhead.waitingHead === waiting.length) {
    waiting.length = 0;
    bulkhead.waitingHead = 0;
  }
}

/** One attempt leaves: the timeout starts, the request crosses the network (with its faults). */
function launch(sim: Simulation, call: Call): void {
  const def = call.def;
  const connection = def.connection;
  call.launched = true;
  call.inFlight = true;
  call.attemptStart = sim.now;
  connection.outstanding++;
  if (sim.measuring) sim.collector.downstreamCalls++;
  if (def.policies.timeoutMs > 0)
    sim.queue.pushLane(def.policies.timeoutLane, sim.now + def.policies.timeoutMs, E_CALL_TIMEOUT, call.id, call.gen);
  crossNetwork(sim, connection, false);
  if (crossing.lost === REFUSED) return reject(sim, call, CONNECTION_REFUSED);
  call.corruption = crossing.corruption;
  if (crossing.lost !== REQUEST_LOST) {
    const hop = sendHop(sim, CALLEE, connection.target, crossing.out, connection.halfLane);
    hop.call = call;
    hop.callGen = call.gen;
    hop.returnMs = crossing.back;
    hop.responseLost = crossing.lost === RESPONSE_LOST;
  }
  // The copy does the work again; nobody waits for its answer.
  if (crossing.duplicate) sendHop(sim, DETACHED, connection.target, crossing.out, connection.halfLane);
}

/** Fire and forget over an async connection: the caller does not wait. */
export function sendAsync(sim: Simulation, parent: Hop, def: CallDef): void {
  const connection = def.connection;
  if (sim.measuring) sim.collector.downstreamCalls++;
  crossNetwork(sim, connection, true);
  if (crossing.lost === REFUSED || crossing.lost === REQUEST_LOST) return;
  const copies = crossing.duplicate ? 2 : 1;
  for (let i = 0; i < copies; i++) sendHop(sim, DETACHED, connection.target, crossing.out, connection.halfLane);
}

/** What crossing the network did to one message: written by crossNetwork, read at once by its caller. */
const crossing = { out: 0, back: 0, lost: 0, duplicate: false, corruption: 0 };

/**
 * A message crosses `connection`: half the latency each way, then each of its faults that acts
 * now, in order. Corruption matters to a caller that waits for the answer; reordering to an
 * async message; a lost async message goes no further.
 */
function crossNetwork(sim: Simulation, connection: ConnectionRuntime, async: boolean): void {
  const half = connection.latency(connection.random) / 2;
  crossing.out = half;
  crossing.back = half;
  crossing.lost = 0;
  crossing.duplicate = false;
  crossing.corruption = 0;
  for (const fault of connection.faults) {
    if (!fault.acts(sim.now)) continue;
    switch (fault.type) {
      case 'dependency-down':
        crossing.lost = REFUSED;
        return;
      case 'latency':
        crossing.out += fault.extraLatency();
        break;
      case 'bandwidth': {
        const transfer = (connection.payloadBytes / fault.bytesPerSecond) * 1000;
        crossing.out += transfer;
        crossing.back += transfer;
        break;
      }
      case 'packet-loss':
        crossing.lost = fault.random.next() < 0.5 ? REQUEST_LOST : RESPONSE_LOST;
        if (async && crossing.lost === REQUEST_LOST) return;
        break;
      case 'duplicate':
        crossing.duplicate = true;
        break;
      case 'corruption':
        if (!async) crossing.corruption = fault.detectable ? 1 : 2;
        break;
      case 'reorder':
        // Held for up to windowMs, so later messages can overtake it.
        if (async) crossing.out += fault.random.next() * fault.windowMs;
        break;
    }
  }
}

/** The callee answered; the answer reaches the caller after `delay` (-1: it is lost). */
export function deliverResponse(
  sim: Simulation,
  call: Call,
  error: number,
  degraded: boolean,
  corrupted: boolean,
  delay: number,
): void {
  if (delay < 0) return;
  if (error === 0 && call.corruption === 1) error = INVALID_DATA;
  call.responseError = error;
  call.responseDegraded = degraded;
  call.responseCorrupted = corrupted || (error === 0 && call.corruption === 2);
  sim.queue.pushAfter(call.def.connection.halfLane, sim.now, delay, E_RESPONSE, call.id, call.gen);
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
  attemptDone(sim, call, TIMEOUT, false, false);
}

/** An attempt ended: free the bulkhead, tell the breaker, then retry, fall back, or answer. */
function attemptDone(sim: Simulation, call: Call, error: number, degraded: boolean, corrupted: boolean): void {
  const policies = call.def.policies;
  if (call.launched) {
    call.def.connection.outstanding--;
    call.launched = false;
  }
  call.inFlight = false;
  call.gen++; // answers to this attempt arriving later are stale
  if (call.holdsBulkhead) {
    call.holdsBulkhead = false;
    policies.bulkhead!.inUse--;
    admitWaiting(sim, policies.bulkhead!);
  }
  if (call.breakerAdmitted) {
    call.breakerAdmitted = false;
    sim.model.breakers[policies.breaker]!.record(sim.now, error !== 0, sim.now - call.attemptStart);
  }
  const parentWaits = call.parent!.gen === call.parentGen;
  const retry = policies.retry;
  if (error !== 0 && parentWaits && retry !== null && call.attempt < retry.maxAttempts && retry.retries(error)) {
    const wait = retry.backoff(call.attempt, call.previousBackoff, sim.jitter);
    call.previousBackoff = wait;
    sim.queue.push(sim.now + wait, E_RETRY, call.id, call.gen);
    return;
  }
  if (error !== 0 && parentWaits && policies.fallbackLatencyMs >= 0) {
    sim.queue.push(sim.now + policies.fallbackLatencyMs, E_FALLBACK_DONE, call.id, call.gen);
    return;
  }
  finishCall(sim, call, error, degraded, corrupted);
}

export function handleRetry(sim: Simulation, call: Call, gen: number): void {
  if (call.gen !== gen) return;
  if (sim.measuring) sim.collector.retries++;
  tryAttempt(sim, call);
}

/** The fallback answers a degraded success in place of the failure. */
export function handleFallbackDone(sim: Simulation, call: Call, gen: number): void {
  if (call.gen === gen) finishCall(sim, call, 0, true, false);
}

function finishCall(sim: Simulation, call: Call, error: number, degraded: boolean, corrupted: boolean): void {
  const parent = call.parent!;
  if (parent.gen === call.parentGen) callFinished(sim, parent, error, call.def.required, degraded, corrupted);
  call.parent = null;
  sim.calls.release(call);
}
