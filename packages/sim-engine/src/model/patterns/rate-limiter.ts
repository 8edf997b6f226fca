import type { InboundPolicy, PolicyCounters } from '@faultline/schemas';
import { RATE_LIMITED } from '../../codes.ts';
import { E_PERMIT } from '../events.ts';
import type { Hop } from '../requests.ts';
import type { Simulation } from '../simulation.ts';
import { ADMITTED, PARKED, type InboundGuard } from './guards.ts';

type RateLimiterPolicy = Extract<InboundPolicy, { type: 'rate-limiter' }>;

/**
 * Resilience4j's rate limiter: `limitForPeriod` permits per refresh period, refilled at period
 * boundaries. A request without a permit reserves one in a later period if that comes within
 * `timeoutMs`; otherwise it is refused at once (`rate-limited`).
 */
export class RateLimiter implements InboundGuard {
  private readonly limit: number;
  private readonly period: number;
  private readonly timeoutMs: number;
  private cycle = 0;
  /** Permits left in the current cycle; negative when later cycles' permits are reserved. */
  private permits: number;
  private rejected = 0;
  private delayed = 0;

  constructor(policy: RateLimiterPolicy) {
    this.limit = policy.params.limitForPeriod;
    this.period = policy.params.refreshPeriodMs;
    this.timeoutMs = policy.params.timeoutMs;
    this.permits = this.limit;
  }

  admit(sim: Simulation, hop: Hop): number {
    const wait = this.acquire(sim.now);
    if (wait === 0) return ADMITTED;
    if (wait < 0) {
      if (sim.measuring) this.rejected++;
      return RATE_LIMITED;
    }
    if (sim.measuring) this.delayed++;
    sim.queue.push(sim.now + wait, E_PERMIT, hop.id, hop.gen);
    return PARKED;
  }

  counters(): PolicyCounters<'rate-limiter'> {
    return { rejected: this.rejected, delayed: this.delayed };
  }

  /** The wait (ms, 0 = at once) before the permit, or -1 when the request is refused. */
  acquire(now: number): number {
    const cycle = Math.floor(now / this.period);
    if (cycle > this.cycle) {
      this.permits = Math.min(this.limit, this.permits + (cycle - this.cycle) * this.limit);
      this.cycle = cycle;
    }
    if (this.permits > 0) {
      this.permits--;
      return 0;
    }
    const cyclesAhead = Math.floor(-this.permits / this.limit) + 1;
    const wait = (this.cycle + cyclesAhead) * this.period - now;
    if (wait > this.timeoutMs) return -1;
    this.permits--;
    return wait;
  }
}
