import type { InboundPolicy, PolicyCounters } from '@faultline/schemas';
import { OVERLOADED } from '../../codes.ts';
import type { Hop } from '../requests.ts';
import type { Simulation } from '../simulation.ts';
import { ADMITTED, type InboundGuard } from './guards.ts';

type LoadSheddingPolicy = Extract<InboundPolicy, { type: 'load-shedding' }>;

/** Requests beyond `maxInFlight` at the component (queued or being served) are refused at once. */
export class LoadShedding implements InboundGuard {
  private readonly maxInFlight: number;
  private shed = 0;

  constructor(policy: LoadSheddingPolicy) {
    this.maxInFlight = policy.params.maxInFlight;
  }

  admit(sim: Simulation, hop: Hop): number {
    if (hop.component.inFlight < this.maxInFlight) return ADMITTED;
    if (sim.measuring) this.shed++;
    return OVERLOADED;
  }

  counters(): PolicyCounters<'load-shedding'> {
    return { shed: this.shed };
  }
}
