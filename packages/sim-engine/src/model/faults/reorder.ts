import type { Fault } from '@faultline/schemas';
import type { Crossing } from '../network.ts';
import { InjectedFault, type FaultContext, type FaultKind, type NetworkFault } from './injected-fault.ts';

/** Async messages are held for a uniform time up to `windowMs`, so later ones can overtake them. */
class Reorder extends InjectedFault implements NetworkFault {
  private readonly windowMs: number;

  constructor(fault: Extract<Fault, { type: 'reorder' }>, context: FaultContext) {
    super(fault, context);
    this.windowMs = fault.params.windowMs;
  }

  cross(crossing: Crossing, _connection: unknown, async: boolean): boolean {
    if (async) crossing.out += this.random.next() * this.windowMs;
    return false;
  }
}

export const reorder: FaultKind<'reorder'> = {
  compile: (fault, _place, context) => ({ hook: 'network', fault: new Reorder(fault, context) }),
};
