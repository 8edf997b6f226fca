import type { Crossing } from '../network.ts';
import { InjectedFault, type FaultKind, type NetworkFault } from './injected-fault.ts';

/** The message is delivered twice: the target does the work twice, and nobody waits for the copy. */
class Duplicate extends InjectedFault implements NetworkFault {
  cross(crossing: Crossing): boolean {
    crossing.duplicate = true;
    return false;
  }
}

export const duplicate: FaultKind<'duplicate'> = {
  compile: (fault, _place, context) => ({ hook: 'network', fault: new Duplicate(fault, context) }),
};
