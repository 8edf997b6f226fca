import { REQUEST_LOST, RESPONSE_LOST, type Crossing } from '../network.ts';
import { InjectedFault, type FaultKind, type NetworkFault } from './injected-fault.ts';

/**
 * The request or its response is lost, with equal chance: the caller hears nothing until its
 * timeout. An async message has no response: it is the message that is lost, and goes no further.
 */
class PacketLoss extends InjectedFault implements NetworkFault {
  cross(crossing: Crossing, _connection: unknown, async: boolean): boolean {
    crossing.lostBy = this.bit;
    if (async) {
      crossing.lost = REQUEST_LOST;
      return true;
    }
    // A lost request still lets later faults act on the way.
    crossing.lost = this.random.next() < 0.5 ? REQUEST_LOST : RESPONSE_LOST;
    return false;
  }
}

export const packetLoss: FaultKind<'packet-loss'> = {
  compile: (fault, _place, context) => ({ hook: 'network', fault: new PacketLoss(fault, context) }),
};
