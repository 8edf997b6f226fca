import type { Fault } from '@faultline/schemas';
import { INVALID_DATA, type ErrorCode } from '../../codes.ts';
import { DETECTABLY, SILENTLY, type Crossing } from '../network.ts';
import type { Hop } from '../requests.ts';
import {
  InjectedFault,
  type AnswerFault,
  type FaultContext,
  type FaultKind,
  type NetworkFault,
} from './injected-fault.ts';

type CorruptionSpec = Extract<Fault, { type: 'corruption' }>;

/** The response is corrupted: detectably (it fails as `invalid-data`) or silently (it succeeds). */
class Corruption extends InjectedFault {
  protected readonly detectable: boolean;

  constructor(fault: CorruptionSpec, context: FaultContext) {
    super(fault, context);
    this.detectable = fault.params.detectable;
  }
}

/** On a component: its successful answer is spoiled as it leaves. */
class AnswerCorruption extends Corruption implements AnswerFault {
  spoil(hop: Hop, error: ErrorCode): ErrorCode {
    if (this.detectable) return INVALID_DATA;
    hop.corrupted = true;
    return error;
  }
}

/** On a connection: the answer is spoiled on its way back, for a caller that waits for it. */
class NetworkCorruption extends Corruption implements NetworkFault {
  cross(crossing: Crossing, _connection: unknown, async: boolean): boolean {
    if (!async) {
      crossing.corruption = this.detectable ? DETECTABLY : SILENTLY;
      crossing.corruptedBy = this.bit;
    }
    return false;
  }
}

export const corruption: FaultKind<'corruption'> = {
  compile: (fault, place, context) =>
    place.component
      ? { hook: 'answer', fault: new AnswerCorruption(fault, context) }
      : { hook: 'network', fault: new NetworkCorruption(fault, context) },
};
