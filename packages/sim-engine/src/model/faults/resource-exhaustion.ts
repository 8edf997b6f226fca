import type { Fault } from '@faultline/schemas';
import type { ComponentRuntime } from '../components.ts';
import { E_OOM } from '../events.ts';
import { crashInstance, restartInstance } from '../outage.ts';
import { startQueued } from '../serving.ts';
import type { Simulation } from '../simulation.ts';
import { InjectedFault, type FaultContext, type FaultKind, type ServiceFault } from './injected-fault.ts';

type ExhaustionSpec = Extract<Fault, { type: 'resource-exhaustion' }>;

/** cpu (and disk-io on a database): service time multiplied by 1 / (1 − 0.9 · intensity). */
class Slowdown extends InjectedFault implements ServiceFault {
  private readonly factor: number;

  constructor(fault: ExhaustionSpec, context: FaultContext) {
    super(fault, context);
    this.factor = 1 / (1 - 0.9 * fault.params.intensity);
  }

  lengthen(work: number): number {
    return work * this.factor;
  }
}

// Memory model (the spec gives the rule, not the baseline): an instance idles at 40 % memory; a
// leak adds `intensity × 100 %` spread evenly over the fault window; at 95 % the OOM killer
// ends the instance, which restarts when the window ends.
const BASE_MEMORY = 0.4;
const OOM_AT = 0.95;

/** Memory rises through the window; at 95 % every replica is killed until the window ends. */
class MemoryLeak extends InjectedFault {
  private readonly rise: number;

  constructor(
    fault: ExhaustionSpec,
    context: FaultContext,
    private readonly component: ComponentRuntime,
  ) {
    super(fault, context);
    this.rise = fault.params.intensity;
  }

  override switched(sim: Simulation, on: boolean, k: number, last: boolean): void {
    if (on && k === 0) {
      const { rise } = this;
      if (BASE_MEMORY + rise >= OOM_AT) {
        sim.queue.push(this.start + ((OOM_AT - BASE_MEMORY) / rise) * (this.end - this.start), E_OOM, this.index, 0);
      }
    } else if (last) {
      for (const instance of this.component.instances) if (!instance.up) restartInstance(sim, this.component, instance);
    }
  }

  /** The OOM killer. */
  override timer(sim: Simulation): void {
    for (const instance of this.component.instances) {
      if (instance.up) crashInstance(sim, this.component, instance, false, 'oom-kill', this.bit);
    }
  }
}

/** The worker pool shrinks by `intensity` (at least one worker left) for the window. */
class ConnectionExhaustion extends InjectedFault {
  private readonly intensity: number;

  constructor(
    fault: ExhaustionSpec,
    context: FaultContext,
    private readonly component: ComponentRuntime,
  ) {
    super(fault, context);
    this.intensity = fault.params.intensity;
  }

  override switched(sim: Simulation, on: boolean): void {
    const { component } = this;
    component.effectiveConcurrency = on
      ? Math.max(1, Math.floor(component.concurrency * (1 - this.intensity)))
      : component.concurrency;
    // The requests that queue for want of workers meanwhile carry this fault (see causes.ts).
    if (on) component.faultsInFlight.state |= this.bit;
    else component.faultsInFlight.state &= ~this.bit;
    if (!on) for (const instance of component.instances) startQueued(sim, instance);
  }
}

export const resourceExhaustion: FaultKind<'resource-exhaustion'> = {
  compile(fault, place, context) {
    const component = place.component!;
    switch (fault.params.resource) {
      case 'cpu':
        return { hook: 'service', fault: new Slowdown(fault, context) };
      case 'disk-io':
        // Disk exhaustion slows database work only; elsewhere it is scheduled and logged, no more.
        return component.isDatabase
          ? { hook: 'service', fault: new Slowdown(fault, context) }
          : { hook: 'state', fault: new InjectedFault(fault, context) };
      case 'memory':
        return { hook: 'state', fault: new MemoryLeak(fault, context, component) };
      case 'connections':
        return { hook: 'state', fault: new ConnectionExhaustion(fault, context, component) };
    }
  },
};
