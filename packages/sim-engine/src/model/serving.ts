// The callee's side of a request: admission (instance state, inbound guards, admission faults),
// a worker from the replica's pool, the local work, the calls step by step, and the answer.
//
// serving.ts and calling.ts import each other on purpose: a hop makes calls (startCall) and a
// call's end resumes its hop (callFinished). They are the two halves of one request's life; the
// mutual import is the caller/callee pair, kept apart only to keep each file about one side.
import { CONNECTION_REFUSED, OVERLOADED, RATE_LIMITED, TIMEOUT } from '../codes.ts';
// eslint-disable-next-line import-x/no-cycle -- the caller/callee pair, see above
import { sendAsync, startCall } from './calling.ts';
import {
  BALANCE_LEAST_OUTSTANDING,
  BALANCE_RANDOM,
  type CallDef,
  type ComponentRuntime,
  type Instance,
  type OperationRuntime,
} from './components.ts';
import { E_SERVICE_DONE } from './events.ts';
import { deliverResponse, sendHop } from './network.ts';
import { cause, markAbsorbed, markActed, markLost, markSpread, systemCause } from './causes.ts';
import { ADMITTED, PARKED } from './patterns/guards.ts';
import { CALLEE, DETACHED, ROOT, type Hop } from './requests.ts';
import type { Simulation } from './simulation.ts';
import { FULL, QUEUED, STARTS } from './worker-pool.ts';

/** A queue hands a failing message to its consumers this many times, then drops it (dead letter). */
export const MAX_DELIVERIES = 5;

export function handleHopArrive(sim: Simulation, hop: Hop, gen: number): void {
  if (hop.gen !== gen) return;
  const component = hop.component;
  // A hop counts for its component when it arrived in the measured period, start to finish.
  if (hop.arrivedAt >= sim.warmupMs) {
    component.stats.requests++;
    const operationStats = hop.operation.stats;
    if (operationStats !== null) operationStats.requests++;
  }
  const instance = component.instances[component.nextInstance++ % component.instances.length]!;
  hop.instance = instance;
  passInbound(sim, hop, instance);
}

/** A rate limiter's permit came: the hop goes on past that guard. */
export function handlePermit(sim: Simulation, hop: Hop, gen: number): void {
  if (hop.gen !== gen) return;
  hop.admittedBy++;
  passInbound(sim, hop, hop.instance!);
}

/** A crashed instance refuses at once or swallows the request; then each inbound guard in turn. */
function passInbound(sim: Simulation, hop: Hop, instance: Instance): void {
  if (!instance.up) {
    if (instance.hangs) return dropHop(sim, hop, instance.downBy);
    return finishHop(sim, hop, CONNECTION_REFUSED, instance.downBy, true);
  }
  const guards = hop.component.inbound;
  while (hop.admittedBy < guards.length) {
    const verdict = guards[hop.admittedBy]!.admit(sim, hop);
    if (verdict === PARKED) return;
    if (verdict !== ADMITTED) return refuse(sim, hop, verdict);
    hop.admittedBy++;
  }
  admit(sim, hop, instance);
}

function admit(sim: Simulation, hop: Hop, instance: Instance): void {
  const component = hop.component;
  const faults = hop.operation.admissionFaults;
  for (let i = 0; i < faults.length; i++) {
    const fault = faults[i]!;
    if (fault.acts(sim.now)) {
      markActed(hop, fault.bit);
      return finishHop(sim, hop, fault.error(), fault.bit, true);
    }
  }
  const admitted = instance.workers.admit(sim, hop);
  if (admitted === FULL) return refuse(sim, hop, OVERLOADED);
  // A queue's producer is answered first: its consumers' faults are not the producer's.
  if (component.isQueue) acknowledgeProducer(sim, hop);
  if (admitted === QUEUED) {
    // Waiting behind requests that carry faults spreads those faults to this one.
    const carried = component.faultsInFlight.mask();
    if (carried !== 0) markSpread(hop, carried);
  }
  if (admitted === STARTS) startWork(sim, hop, instance);
}

/**
 * The component refuses the request: a failure the system produced. For want of room (a full
 * queue, load shedding) it is charged to what fills the component when the request carries
 * nothing; a rate limiter's bucket empties whatever is in flight, so it looks no further.
 */
function refuse(sim: Simulation, hop: Hop, error: number): void {
  systemCause(hop, error === RATE_LIMITED ? null : hop.component);
  finishHop(sim, hop, error, cause.mask, cause.direct);
}

/** A queue answers its producer as soon as the message is stored; consumers take it from there. */
function acknowledgeProducer(sim: Simulation, hop: Hop): void {
  const call = hop.call;
  if (hop.role === CALLEE && call!.gen === hop.callGen) {
    deliverResponse(sim, call!, 0, false, false, hop.returnMs, 0, false);
  }
  hop.role = DETACHED;
}

function startWork(sim: Simulation, hop: Hop, instance: Instance): void {
  const operation = hop.operation;
  instance.workers.occupy(sim, hop);
  let work = operation.serviceTime(operation.random);
  const faults = operation.serviceFaults;
  for (let i = 0; i < faults.length; i++) {
    const fault = faults[i]!;
    if (fault.acts(sim.now)) {
      work = fault.lengthen(work);
      markActed(hop, fault.bit);
    }
  }
  sim.queue.pushAfter(operation.workLane, sim.now, work, E_SERVICE_DONE, hop.id, hop.gen);
}

export function handleServiceDone(sim: Simulation, hop: Hop, gen: number): void {
  if (hop.gen !== gen) return;
  const component = hop.component;
  // A cache hit answers from the cache: the calls marked onMiss are skipped.
  hop.cacheHit = component.isCache && sim.routing.next() < component.hitRatio;
  runSteps(sim, hop);
}

// The calls chosen for the step being started; reused, since a step is started all at once.
const stepCalls: CallDef[] = [];

/** Makes the next step's calls; answers when there are none left or a required call failed. */
export function runSteps(sim: Simulation, hop: Hop): void {
  const component = hop.component;
  const steps = hop.operation.steps;
  while (hop.step < steps.length) {
    const step = steps[hop.step++]!;
    if (component.isGateway) {
      // A gateway forwards each request to one of its targets.
      hop.step = steps.length;
      const def = chooseTarget(sim, component, hop.operation);
      hop.pending = 1;
      startCall(sim, hop, def);
      return;
    }
    // Choose the step's calls first (one draw each), then start exactly those: no call answers
    // before its start returns (answers are events), so the count is right when they do.
    let chosen = 0;
    for (let i = 0; i < step.length; i++) {
      const def = step[i]!;
      if (def.onMiss && hop.cacheHit) continue;
      if (def.probability < 1 && sim.routing.next() >= def.probability) continue;
      if (def.connection.async) sendAsync(sim, def);
      else stepCalls[chosen++] = def;
    }
    if (chosen === 0) continue;
    hop.pending = chosen;
    for (let i = 0; i < chosen; i++) startCall(sim, hop, stepCalls[i]!);
    return;
  }
  finishHop(sim, hop, hop.failure, hop.failureCause, hop.failureDirect);
}

function chooseTarget(sim: Simulation, component: ComponentRuntime, operation: OperationRuntime): CallDef {
  const calls = operation.calls;
  if (component.balancing === BALANCE_RANDOM) return calls[sim.routing.int(calls.length)]!;
  if (component.balancing === BALANCE_LEAST_OUTSTANDING) {
    let best = calls[0]!;
    for (const def of calls) if (def.connection.outstanding < best.connection.outstanding) best = def;
    return best;
  }
  return calls[operation.nextCall++ % calls.length]!;
}

/** A downstream call of this hop ended; a failed one's cause is `causeMask` (`direct`: a fault's own doing). */
export function callFinished(
  sim: Simulation,
  hop: Hop,
  error: number,
  required: boolean,
  degraded: boolean,
  corrupted: boolean,
  causeMask: number,
  direct: boolean,
): void {
  if (error !== 0) {
    if (!required) {
      markAbsorbed(hop, causeMask, false); // an optional call: its failure is counted and ignored
    } else if (hop.failure === 0) {
      hop.failure = error;
      hop.failureCause = causeMask;
      hop.failureDirect = direct;
    }
  }
  if (degraded) hop.degraded = true;
  if (corrupted) hop.corrupted = true;
  if (--hop.pending > 0) return;
  if (hop.failure !== 0) finishHop(sim, hop, hop.failure, hop.failureCause, hop.failureDirect);
  else runSteps(sim, hop);
}

/**
 * The hop answers: frees its worker, counts, and sends the answer back to whoever waits. A
 * failure's cause is `causeMask` (`direct`: a fault's own action produced it, see causes.ts).
 */
export function finishHop(sim: Simulation, hop: Hop, error: number, causeMask: number, direct: boolean): void {
  const component = hop.component;
  if (error === 0) {
    const faults = hop.operation.answerFaults;
    for (let i = 0; i < faults.length; i++) {
      const fault = faults[i]!;
      if (!fault.acts(sim.now)) continue;
      markActed(hop, fault.bit);
      error = fault.spoil(hop, error);
      if (error !== 0 && causeMask === 0) {
        causeMask = fault.bit;
        direct = true;
      }
    }
  }
  if (hop.arrivedAt >= sim.warmupMs && !component.isClient) {
    const stats = component.stats;
    const operationStats = hop.operation.stats;
    if (error === 0) {
      stats.succeeded++;
      stats.latency.record(sim.now - hop.arrivedAt);
      if (operationStats !== null) operationStats.latency.record(sim.now - hop.arrivedAt);
    } else {
      stats.failed++;
      stats.failedByKind[error - 1]!++;
      if (operationStats !== null) operationStats.failed++;
    }
  }
  release(sim, hop);
  if (hop.role === CALLEE) {
    const call = hop.call!;
    if (call.gen === hop.callGen) {
      const delay = hop.responseLost ? -1 : hop.returnMs;
      deliverResponse(sim, call, error, hop.degraded, hop.corrupted, delay, causeMask, direct);
    } else if (sim.measuring) {
      sim.collector.wastedWork++; // the caller gave up: this work was for nothing
    }
  } else if (hop.role === ROOT) {
    if (!hop.ended) sim.finishRequest(hop, error, hop.degraded, hop.corrupted, causeMask, direct);
  } else if (component.isQueue && error !== 0 && hop.deliveries < MAX_DELIVERIES) {
    // At-least-once: a message whose processing failed goes back to the queue.
    sendHop(sim, DETACHED, component, hop.operation, 0, sim.nowLane).deliveries = hop.deliveries + 1;
  }
  sim.hops.release(hop);
}

/** The request vanishes here (hung by fault `hungBy`): nobody is answered; the caller's timeout is that fault's doing. */
export function dropHop(sim: Simulation, hop: Hop, hungBy: number): void {
  if (hop.role === CALLEE && hop.call!.gen === hop.callGen) hop.call!.lostBy = hungBy;
  markLost(hop, hungBy);
  if (hop.arrivedAt >= sim.warmupMs) {
    hop.component.stats.failed++;
    hop.component.stats.failedByKind[TIMEOUT - 1]!++;
    if (hop.operation.stats !== null) hop.operation.stats.failed++;
  }
  release(sim, hop);
  sim.hops.release(hop);
}

/** Gives back the worker (starting the next queued hop) and leaves the instance's list. */
function release(sim: Simulation, hop: Hop): void {
  const instance = hop.instance;
  if (instance === null || hop.component.isClient) return;
  if (instance.workers.release(sim, hop)) startQueued(sim, instance);
}

/** Starts queued hops while the instance has free workers. */
export function startQueued(sim: Simulation, instance: Instance): void {
  for (let next = instance.workers.nextQueued(sim); next !== null; next = instance.workers.nextQueued(sim)) {
    startWork(sim, next, instance);
  }
}
