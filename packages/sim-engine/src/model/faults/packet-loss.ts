import { REQUEST_LOST, RESPONSE_LOST, type Crossing } from '../network.ts';
import { InjectedFault, type FaultKind, type NetworkFault } from './injected-fault.ts';

/** The request or its response is lost, with equal chance: the caller hears nothing until its timeout. */
class PacketLoss extends InjectedFault implements NetworkFault {
  cross(crossing: Crossing, _connection: unknown, async: boolean): boolean {
    crossing.lost = this.random.next() < 0.5 ? REQUEST_LOST : RESPONSE_LOST;
    crossing.lostBy = this.bit;
    // A lost async message goes no further; a lost request still lets later faults act on the way.
    return async && crossing.lost === REQUEST_LOST;
  }
}

export const packetLoss: FaultKind<'packet-loss'> = {
  compile: (fault, _place, context) => ({ hook: 'network', fault: new PacketLoss(fault, context) }),
};
