import type { Fault } from '@faultline/schemas';
import type { ComponentRuntime } from '../components.ts';
import { crashInstance, restartInstance } from '../outage.ts';
import type { Simulation } from '../simulation.ts';
import { InjectedFault, type FaultContext, type FaultKind } from './injected-fault.ts';

type CrashSpec = Extract<Fault, { type: 'crash' }>;

/**
 * The first `instances` replicas are down for the window (each "on" phase when flapping): in-flight
 * and queued work on them is lost; `refuse` answers `connection-refused`, `hang` never answers.
 * They restart when the window ends.
 */
class Crash extends InjectedFault {
  private readonly hang: boolean;
  private readonly instances: number | 'all';

  constructor(
    fault: CrashSpec,
    context: FaultContext,
    private readonly component: ComponentRuntime,
  ) {
    super(fault, context);
    this.hang = fault.params.mode === 'hang';
    this.instances = fault.params.instances;
  }

  override switched(sim: Simulation, on: boolean): void {
    const { component } = this;
    const count =
      this.instances === 'all' ? component.instances.length : Math.min(this.instances, component.instances.length);
    for (const instance of component.instances.slice(0, count)) {
      if (on) crashInstance(sim, component, instance, this.hang, 'crash', this.bit);
      else restartInstance(sim, component, instance);
    }
  }
}

export const crash: FaultKind<'crash'> = {
  compile: (fault, place, context) => ({ hook: 'state', fault: new Crash(fault, context, place.component!) }),
};
