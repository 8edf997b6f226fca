// The network path: a message crossing a connection (half its latency each way, then each of
// the connection's faults that acts now), a hop sent to a component, an answer sent back.
import { INVALID_DATA } from '../codes.ts';
import type { ComponentRuntime, ConnectionRuntime, OperationRuntime } from './components.ts';
import { E_HOP_ARRIVE, E_RESPONSE } from './events.ts';
import type { Call, Hop } from './requests.ts';
import type { Simulation } from './simulation.ts';

/** What became of a message (`Crossing.lost`). */
export const DELIVERED = 0;
export const REQUEST_LOST = 1;
export const RESPONSE_LOST = 2;
export const REFUSED = 3;

/** How the answer is damaged on its way back (`Crossing.corruption`). */
export const INTACT = 0;
export const DETECTABLY = 1;
export const SILENTLY = 2;

/** What crossing the network did to one message: written by crossNetwork, read at once by its caller. */
export class Crossing {
  out = 0;
  back = 0;
  lost = DELIVERED;
  duplicate = false;
  corruption = INTACT;
  /** The faults that acted on the message (see causes.ts). */
  acted = 0;
  /** The fault that refused, lost or corrupted it. */
  refusedBy = 0;
  lostBy = 0;
  corruptedBy = 0;
}

/** The one crossing in progress: a message is crossed and read before the next one starts. */
export const crossing = new Crossing();

/**
 * A message crosses `connection`: half the latency each way, then each of its faults that acts
 * now, in design order. Corruption matters to a caller that waits for the answer; reordering to
 * an async message; a lost async message goes no further.
 */
export function crossNetwork(sim: Simulation, connection: ConnectionRuntime, async: boolean): Crossing {
  const half = connection.latency(connection.random) / 2;
  crossing.out = half;
  crossing.back = half;
  crossing.lost = DELIVERED;
  crossing.duplicate = false;
  crossing.corruption = INTACT;
  const faults = connection.networkFaults;
  if (faults.length === 0) {
    crossing.acted = 0;
    return crossing;
  }
  crossing.acted = crossing.refusedBy = crossing.lostBy = crossing.corruptedBy = 0;
  for (let i = 0; i < faults.length; i++) {
    const fault = faults[i]!;
    if (!fault.acts(sim.now)) continue;
    crossing.acted |= fault.bit;
    if (fault.cross(crossing, connection, async)) break;
  }
  return crossing;
}

/** A fresh hop for `operation` of `component`, arriving after `delay` (on `lane` when it is that delay's). */
export function sendHop(
  sim: Simulation,
  role: number,
  component: ComponentRuntime,
  operation: OperationRuntime,
  delay: number,
  lane: number,
): Hop {
  const hop = sim.hops.take();
  hop.reset(role, component, operation, sim.now + delay);
  sim.queue.pushAfter(lane, sim.now, delay, E_HOP_ARRIVE, hop.id, hop.gen);
  return hop;
}

/** The callee answered; the answer reaches the caller after `delay` (-1: it is lost). */
export function deliverResponse(
  sim: Simulation,
  call: Call,
  error: number,
  degraded: boolean,
  corrupted: boolean,
  delay: number,
  causeMask: number,
  direct: boolean,
): void {
  if (delay < 0) return;
  if (error === 0 && call.corruption === DETECTABLY) {
    error = INVALID_DATA;
    causeMask = call.corruptedBy;
    direct = true;
  }
  call.responseError = error;
  call.responseCause = causeMask;
  call.responseDirect = direct;
  call.responseDegraded = degraded;
  call.responseCorrupted = corrupted || (error === 0 && call.corruption === SILENTLY);
  sim.queue.pushAfter(call.def.connection.halfLane, sim.now, delay, E_RESPONSE, call.id, call.gen);
}
