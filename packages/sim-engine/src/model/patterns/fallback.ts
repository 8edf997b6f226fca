import type { OutgoingPolicy, PolicyCounters } from '@faultline/schemas';
import { E_FALLBACK_DONE } from '../events.ts';
import type { Call } from '../requests.ts';
import type { Simulation } from '../simulation.ts';
import type { FailureHandler } from './guards.ts';

type FallbackPolicy = Extract<OutgoingPolicy, { type: 'fallback' }>;

/** When the call finally fails, a degraded success answers after `latencyMs` instead. */
export class Fallback implements FailureHandler {
  private readonly latencyMs: number;
  private served = 0;

  constructor(policy: FallbackPolicy) {
    this.latencyMs = policy.params.latencyMs;
  }

  handle(sim: Simulation, call: Call): boolean {
    if (sim.measuring) this.served++;
    sim.queue.push(sim.now + this.latencyMs, E_FALLBACK_DONE, call.id, call.gen);
    return true;
  }

  counters(): PolicyCounters<'fallback'> {
    return { served: this.served };
  }
}
