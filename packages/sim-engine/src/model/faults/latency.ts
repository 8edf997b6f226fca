import type { Fault } from '@faultline/schemas';
import { compileDistribution, type Sampler } from '../../kernel/distribution.ts';
import type { Crossing } from '../network.ts';
import {
  InjectedFault,
  type FaultContext,
  type FaultKind,
  type NetworkFault,
  type ServiceFault,
} from './injected-fault.ts';

type LatencySpec = Extract<Fault, { type: 'latency' }>;

/** Extra delay on each affected request, with occasional spikes. */
class LatencyFault extends InjectedFault {
  private readonly addMs: Sampler;
  private readonly spikeProbability: number;
  private readonly spikeMultiplier: number;

  constructor(fault: LatencySpec, context: FaultContext) {
    super(fault, context);
    this.addMs = compileDistribution(fault.params.addMs);
    this.spikeProbability = fault.params.spikeProbability;
    this.spikeMultiplier = fault.params.spikeMultiplier;
  }

  protected extraLatency(): number {
    const extra = this.addMs(this.random);
    return this.spikeProbability > 0 && this.random.next() < this.spikeProbability
      ? extra * this.spikeMultiplier
      : extra;
  }
}

/** On a component: the local work takes longer. */
class ServiceLatency extends LatencyFault implements ServiceFault {
  lengthen(work: number): number {
    return work + this.extraLatency();
  }
}

/** On a connection: the request takes longer to get there. */
class NetworkLatency extends LatencyFault implements NetworkFault {
  cross(crossing: Crossing): boolean {
    crossing.out += this.extraLatency();
    return false;
  }
}

export const latency: FaultKind<'latency'> = {
  compile: (fault, place, context) =>
    place.component
      ? { hook: 'service', fault: new ServiceLatency(fault, context) }
      : { hook: 'network', fault: new NetworkLatency(fault, context) },
};
