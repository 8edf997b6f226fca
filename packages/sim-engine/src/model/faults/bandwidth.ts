import type { Fault } from '@faultline/schemas';
import type { ConnectionRuntime } from '../components.ts';
import type { Crossing } from '../network.ts';
import { InjectedFault, type FaultContext, type FaultKind, type NetworkFault } from './injected-fault.ts';

/** A narrow pipe: `payloadBytes / bytesPerSecond` of transfer time each way. */
class Bandwidth extends InjectedFault implements NetworkFault {
  private readonly bytesPerSecond: number;

  constructor(fault: Extract<Fault, { type: 'bandwidth' }>, context: FaultContext) {
    super(fault, context);
    this.bytesPerSecond = fault.params.bytesPerSecond;
  }

  cross(crossing: Crossing, connection: ConnectionRuntime): boolean {
    const transfer = (connection.payloadBytes / this.bytesPerSecond) * 1000;
    crossing.out += transfer;
    crossing.back += transfer;
    return false;
  }
}

export const bandwidth: FaultKind<'bandwidth'> = {
  compile: (fault, _place, context) => ({ hook: 'network', fault: new Bandwidth(fault, context) }),
};
