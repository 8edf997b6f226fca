// A replica going down and coming back: crashes and OOM kills.
import { CONNECTION_REFUSED } from '../codes.ts';
import type { ComponentRuntime, Instance } from './components.ts';
import { dropHop, finishHop } from './serving.ts';
import type { Simulation } from './simulation.ts';

/** The instance goes down; the work in flight on it is lost. */
export function crashInstance(
  sim: Simulation,
  component: ComponentRuntime,
  instance: Instance,
  hang: boolean,
  type: 'crash' | 'oom-kill',
  /** The fault's bit (see causes.ts): what it refuses or hangs is its doing. */
  faultBit: number,
): void {
  sim.eventLog.add({ atMs: sim.now, type, component: component.id });
  instance.up = false;
  instance.hangs = hang;
  instance.downBy = faultBit;
  for (const hop of instance.workers.evictAll(sim)) {
    // Refused: the callers see the connection reset. Hung: they hear nothing until their timeout.
    if (hang) dropHop(sim, hop, faultBit);
    else finishHop(sim, hop, CONNECTION_REFUSED, faultBit, true);
  }
}

export function restartInstance(sim: Simulation, component: ComponentRuntime, instance: Instance): void {
  if (instance.up) return;
  instance.up = true;
  instance.hangs = false;
  sim.eventLog.add({ atMs: sim.now, type: 'restart', component: component.id });
}
