import type { Workload } from '@faultline/schemas';

/**
 * The open-arrival rate (requests per second) at time t: profile phases apply in order from 0,
 * then the base rate holds; spikes multiply whatever rate holds while they last.
 */
export class ArrivalRate {
  private readonly phases: { start: number; end: number; from: number; to: number }[] = [];
  private readonly spikes: { start: number; end: number; multiplier: number }[] = [];
  private readonly base: number;
  readonly max: number;

  constructor(workload: Workload) {
    this.base = workload.arrival.kind === 'closed' ? 0 : workload.arrival.ratePerSecond;
    let t = 0;
    for (const phase of workload.profile ?? []) {
      if (phase.kind === 'spike') {
        this.spikes.push({ start: phase.atMs, end: phase.atMs + phase.durationMs, multiplier: phase.multiplier });
      } else {
        const [from, to] =
          phase.kind === 'constant' ? [phase.ratePerSecond, phase.ratePerSecond] : [phase.from, phase.to];
        this.phases.push({ start: t, end: t + phase.durationMs, from, to });
        t += phase.durationMs;
      }
    }
    const peak = Math.max(this.base, ...this.phases.flatMap((p) => [p.from, p.to]));
    this.max = peak * this.spikes.reduce((m, s) => m * Math.max(1, s.multiplier), 1);
  }

  at(t: number): number {
    let rate = this.base;
    for (const p of this.phases) {
      if (t >= p.start && t < p.end) {
        rate = p.from + ((p.to - p.from) * (t - p.start)) / (p.end - p.start);
        break;
      }
    }
    for (const s of this.spikes) if (t >= s.start && t < s.end) rate *= s.multiplier;
    return rate;
  }

  get constant(): boolean {
    return this.phases.length === 0 && this.spikes.length === 0;
  }
}
