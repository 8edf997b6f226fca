// The callee's side of a request: admission (inbound guards, faults, instance state), the FIFO
// queue for a worker, the local work, the calls step by step, and the answer.
import { E_HOP_ARRIVE, E_PERMIT, E_SERVICE_DONE } from './events.ts';
import { CONNECTION_REFUSED, INVALID_DATA, OVERLOADED, RATE_LIMITED, TIMEOUT } from './errors.ts';
import { CALLEE, DETACHED, ROOT, type Hop } from './entities.ts';
import type { Simulation } from './simulation.ts';
import {
  BALANCE_LEAST_OUTSTANDING,
  BALANCE_RANDOM,
  type CallDef,
  type ComponentRuntime,
  type Instance,
} from './runtime.ts';
import { deliverResponse, sendAsync, startCall } from './calling.ts';

/** A queue hands a failing message to its consumers this many times, then drops it (dead letter). */
export const MAX_DELIVERIES = 5;

export function handleHopArrive(sim: Simulation, hop: Hop, gen: number): void {
  if (hop.gen !== gen) return;
  const component = hop.component;
  const stats = component.stats;
  // A hop counts for its component when it arrived in the measured period, start to finish.
  if (hop.arrivedAt >= sim.warmupMs) stats.requests++;
  const instance = component.instances[component.nextInstance++ % component.instances.length]!;
  hop.instance = instance;
  if (!instance.up) {
    // A crashed instance refuses at once, or swallows the request and never answers.
    if (instance.hangs) return dropHop(sim, hop);
    return finishHop(sim, hop, CONNECTION_REFUSED);
  }
  if (component.inFlight >= component.maxInFlight) return finishHop(sim, hop, OVERLOADED);
  if (component.rateLimiter) {
    const wait = component.rateLimiter.acquire(sim.now);
    if (wait < 0) return finishHop(sim, hop, RATE_LIMITED);
    if (wait > 0) {
      sim.queue.push(sim.now + wait, E_PERMIT, hop.id, hop.gen);
      return;
    }
  }
  admit(sim, hop, instance);
}

export function handlePermit(sim: Simulation, hop: Hop, gen: number): void {
  if (hop.gen !== gen) return;
  const instance = hop.instance!;
  if (!instance.up) return instance.hangs ? dropHop(sim, hop) : finishHop(sim, hop, CONNECTION_REFUSED);
  admit(sim, hop, instance);
}

function admit(sim: Simulation, hop: Hop, instance: Instance): void {
  const component = hop.component;
  for (const fault of component.faults) {
    if (fault.type === 'error' && fault.acts(sim.now)) {
      return finishHop(sim, hop, fault.errors[fault.random.int(fault.errors.length)]!);
    }
  }
  const idle = instance.busy < component.effectiveConcurrency;
  if (!idle && instance.queued >= component.queueCapacity) return finishHop(sim, hop, OVERLOADED);
  if (component.isQueue) acknowledgeProducer(sim, hop);
  link(instance, hop);
  component.inFlight++;
  if (idle) {
    startWork(sim, hop, instance);
  } else {
    sim.touch(component);
    component.queuedTotal++;
    instance.queue.push(hop);
  }
}

/** A queue answers its producer as soon as the message is stored; consumers take it from there. */
function acknowledgeProducer(sim: Simulation, hop: Hop): void {
  const call = hop.call;
  if (hop.role === CALLEE && call!.gen === hop.callGen) deliverResponse(sim, call!, 0, false, false, hop.returnMs);
  hop.role = DETACHED;
}

function startWork(sim: Simulation, hop: Hop, instance: Instance): void {
  const component = hop.component;
  sim.touch(component);
  instance.busy++;
  component.busyTotal++;
  hop.holdsWorker = true;
  let work = component.serviceTime(component.random);
  for (const fault of component.faults) {
    if (fault.type === 'resource-exhaustion') {
      if ((fault.resource === 'cpu' || (fault.resource === 'disk-io' && component.isDatabase)) && fault.acts(sim.now)) {
        work *= fault.slowdown();
      }
    } else if (fault.type === 'latency' && fault.acts(sim.now)) {
      work += fault.extraLatency();
    }
  }
  sim.queue.pushAfter(component.workLane, sim.now, work, E_SERVICE_DONE, hop.id, hop.gen);
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
  const steps = component.steps;
  while (hop.step < steps.length) {
    const step = steps[hop.step++]!;
    if (component.isGateway) {
      // A gateway forwards each request to one of its targets.
      hop.step = steps.length;
      const def = chooseTarget(sim, component);
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
      if (def.connection.async) sendAsync(sim, hop, def);
      else stepCalls[chosen++] = def;
    }
    if (chosen === 0) continue;
    hop.pending = chosen;
    for (let i = 0; i < chosen; i++) startCall(sim, hop, stepCalls[i]!);
    return;
  }
  finishHop(sim, hop, hop.failure);
}

function chooseTarget(sim: Simulation, component: ComponentRuntime): CallDef {
  const calls = component.calls;
  if (component.balancing === BALANCE_RANDOM) return calls[sim.routing.int(calls.length)]!;
  if (component.balancing === BALANCE_LEAST_OUTSTANDING) {
    let best = calls[0]!;
    for (const def of calls) if (def.connection.outstanding < best.connection.outstanding) best = def;
    return best;
  }
  return calls[component.nextCall++ % calls.length]!;
}

/** A downstream call of this hop ended. */
export function callFinished(
  sim: Simulation,
  hop: Hop,
  error: number,
  required: boolean,
  degraded: boolean,
  corrupted: boolean,
): void {
  if (error !== 0 && required && hop.failure === 0) hop.failure = error;
  if (degraded) hop.degraded = true;
  if (corrupted) hop.corrupted = true;
  if (--hop.pending > 0) return;
  if (hop.failure !== 0) finishHop(sim, hop, hop.failure);
  else runSteps(sim, hop);
}

/** The hop answers: frees its worker, counts, and sends the answer back to whoever waits. */
export function finishHop(sim: Simulation, hop: Hop, error: number): void {
  const component = hop.component;
  if (error === 0) {
    for (const fault of component.faults) {
      if (fault.type === 'corruption' && fault.acts(sim.now)) {
        if (fault.detectable) error = INVALID_DATA;
        else hop.corrupted = true;
      }
    }
  }
  if (hop.arrivedAt >= sim.warmupMs && !component.isClient) {
    const stats = component.stats;
    if (error === 0) {
      stats.succeeded++;
      stats.latency.record(sim.now - hop.arrivedAt);
    } else {
      stats.failed++;
      stats.failedByKind[error - 1]!++;
    }
  }
  release(sim, hop);
  if (hop.role === CALLEE) {
    const call = hop.call!;
    if (call.gen === hop.callGen)
      deliverResponse(sim, call, error, hop.degraded, hop.corrupted, hop.responseLost ? -1 : hop.returnMs);
    else if (sim.measuring) sim.collector.wastedWork++; // the caller gave up: this work was for nothing
  } else if (hop.role === ROOT) {
    if (!hop.ended) sim.finishRequest(hop, error, hop.degraded, hop.corrupted);
  } else if (component.isQueue && error !== 0 && hop.deliveries < MAX_DELIVERIES) {
    // At-least-once: a message whose processing failed goes back to the queue.
    sendHop(sim, DETACHED, component, 0, sim.nowLane).deliveries = hop.deliveries + 1;
  }
  sim.hops.release(hop);
}

/** The request vanishes here (a hung instance): nobody is answered; callers time out. */
export function dropHop(sim: Simulation, hop: Hop): void {
  if (hop.arrivedAt >= sim.warmupMs) {
    hop.component.stats.failed++;
    hop.component.stats.failedByKind[TIMEOUT - 1]!++;
  }
  release(sim, hop);
  sim.hops.release(hop);
}

/** Gives back the worker (starting the next queued hop) and leaves the instance's list. */
function release(sim: Simulation, hop: Hop): void {
  const instance = hop.instance;
  if (instance === null || hop.component.isClient) return;
  const component = hop.component;
  if (hop.linked) {
    unlink(instance, hop);
    component.inFlight--;
  }
  if (!hop.holdsWorker) return;
  hop.holdsWorker = false;
  sim.touch(component);
  instance.busy--;
  component.busyTotal--;
  startQueued(sim, component, instance);
}

/** Starts queued hops while the instance has free workers. */
export function startQueued(sim: Simulation, component: ComponentRuntime, instance: Instance): void {
  while (instance.busy < component.effectiveConcurrency && instance.queued > 0) {
    const next = instance.queue[instance.queueHead++]!;
    if (instance.queueHead > 1024 && instance.queueHead * 2 > instance.queue.length) {
      instance.queue.splice(0, instance.queueHead);
      instance.queueHead = 0;
    }
    sim.touch(component);
    component.queuedTotal--;
    startWork(sim, next, instance);
  }
}

function link(instance: Instance, hop: Hop): void {
  hop.linked = true;
  hop.prev = null;
  hop.next = instance.first;
  if (instance.first) instance.first.prev = hop;
  instance.first = hop;
}

export function unlink(instance: Instance, hop: Hop): void {
  hop.linked = false;
  if (hop.prev) hop.prev.next = hop.next;
  else instance.first = hop.next;
  if (hop.next) hop.next.prev = hop.prev;
  hop.prev = hop.next = null;
}

/** A fresh hop at `component`, arriving after `delay` (on `lane` when it is that delay's). */
export function sendHop(sim: Simulation, role: number, component: ComponentRuntime, delay: number, lane: number): Hop {
  const hop = sim.hops.take();
  hop.reset(role, component, sim.now + delay);
  sim.queue.pushAfter(lane, sim.now, delay, E_HOP_ARRIVE, hop.id, hop.gen);
  return hop;
}
