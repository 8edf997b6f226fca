import type { InboundPolicy } from '@faultline/schemas';
import { OVERLOADED } from '../../codes.ts';
import type { Hop } from '../requests.ts';
import { ADMITTED, type InboundGuard } from './guards.ts';

type LoadSheddingPolicy = Extract<InboundPolicy, { type: 'load-shedding' }>;

/** Requests beyond `maxInFlight` at the component (queued or being served) are refused at once. */
export class LoadShedding implements InboundGuard {
  private readonly maxInFlight: number;

  constructor(policy: LoadSheddingPolicy) {
    this.maxInFlight = policy.params.maxInFlight;
  }

  admit(_sim: unknown, hop: Hop): number {
    return hop.component.inFlight >= this.maxInFlight ? OVERLOADED : ADMITTED;
  }
}
