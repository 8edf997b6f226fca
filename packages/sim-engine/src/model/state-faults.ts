// Faults that change a component's state for a while rather than acting on single requests:
// crashes (refuse or hang), memory exhaustion up to an OOM kill, and connection exhaustion.
import { E_FAULT_STATE, E_OOM } from './events.ts';
import { CONNECTION_REFUSED } from './errors.ts';
import type { FaultRuntime } from './faults.ts';
import type { ComponentRuntime, Instance } from './runtime.ts';
import type { Simulation } from './simulation.ts';
import { dropHop, finishHop, startQueued, unlink } from './serving.ts';

// Memory model (the spec gives the rule, not the baseline): an instance idles at 40 % memory; a
// leak adds `intensity × 100 %` spread evenly over the fault window; at 95 % the OOM killer
// ends the instance, which restarts when the window ends.
const BASE_MEMORY = 0.4;
const OOM_AT = 0.95;

export function scheduleFaults(sim: Simulation): void {
  sim.model.faults.forEach((fault, index) => {
    fault.moments.forEach((at, k) => sim.queue.push(at, E_FAULT_STATE, index, k));
  });
}

function targetOf(sim: Simulation, fault: FaultRuntime): ComponentRuntime | undefined {
  return fault.targetComponent === null ? undefined : sim.model.byId.get(fault.targetComponent);
}

export function handleFaultState(sim: Simulation, index: number, k: number): void {
  const fault = sim.model.faults[index]!;
  const on = k % 2 === 0;
  const last = k === fault.moments.length - 1;
  if (k === 0) sim.eventLog.add({ atMs: sim.now, type: 'fault-start', fault: fault.id });
  const component = targetOf(sim, fault);
  if (component) {
    if (fault.type === 'crash') {
      const count =
        fault.instances === 'all' ? component.instances.length : Math.min(fault.instances, component.instances.length);
      for (const instance of component.instances.slice(0, count)) {
        if (on) crash(sim, component, instance, fault.hang, 'crash');
        else restart(sim, component, instance);
      }
    } else if (fault.resource === 'memory') {
      if (on && k === 0) {
        const rise = fault.intensity;
        if (BASE_MEMORY + rise >= OOM_AT)
          sim.queue.push(fault.start + ((OOM_AT - BASE_MEMORY) / rise) * (fault.end - fault.start), E_OOM, index, 0);
      } else if (last) {
        for (const instance of component.instances) if (!instance.up) restart(sim, component, instance);
      }
    } else if (fault.resource === 'connections') {
      component.effectiveConcurrency = on
        ? Math.max(1, Math.floor(component.concurrency * (1 - fault.intensity)))
        : component.concurrency;
      if (!on) for (const instance of component.instances) startQueued(sim, component, instance);
    }
  }
  if (last) sim.eventLog.add({ atMs: sim.now, type: 'fault-end', fault: fault.id });
}

export function handleOom(sim: Simulation, index: number): void {
  const fault = sim.model.faults[index]!;
  const component = targetOf(sim, fault)!;
  for (const instance of component.instances) if (instance.up) crash(sim, component, instance, false, 'oom-kill');
}

/** The instance goes down; the work in flight on it is lost. */
function crash(
  sim: Simulation,
  component: ComponentRuntime,
  instance: Instance,
  hang: boolean,
  type: 'crash' | 'oom-kill',
): void {
  sim.eventLog.add({ atMs: sim.now, type, component: component.id });
  instance.up = false;
  instance.hangs = hang;
  sim.touch(component);
  component.queuedTotal -= instance.queued;
  component.busyTotal -= instance.busy;
  instance.queue.length = 0;
  instance.queueHead = 0;
  instance.busy = 0;
  const lost = [];
  for (let hop = instance.first; hop !== null; hop = hop.next) lost.push(hop);
  for (const hop of lost) {
    unlink(instance, hop);
    component.inFlight--;
    hop.holdsWorker = false;
    // Refused: the callers see the connection reset. Hung: they hear nothing until their timeout.
    if (hang) dropHop(sim, hop);
    else finishHop(sim, hop, CONNECTION_REFUSED);
  }
}

function restart(sim: Simulation, component: ComponentRuntime, instance: Instance): void {
  if (instance.up) return;
  instance.up = true;
  instance.hangs = false;
  sim.eventLog.add({ atMs: sim.now, type: 'restart', component: component.id });
}
