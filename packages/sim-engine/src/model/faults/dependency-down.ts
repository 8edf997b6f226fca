import { REFUSED, type Crossing } from '../network.ts';
import { InjectedFault, type FaultKind, type NetworkFault } from './injected-fault.ts';

/** The target is unreachable through this connection: the call is refused at once. */
class DependencyDown extends InjectedFault implements NetworkFault {
  cross(crossing: Crossing): boolean {
    crossing.lost = REFUSED;
    crossing.refusedBy = this.bit;
    return true;
  }
}

export const dependencyDown: FaultKind<'dependency-down'> = {
  compile: (fault, _place, context) => ({ hook: 'network', fault: new DependencyDown(fault, context) }),
};
