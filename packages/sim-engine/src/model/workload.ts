import type { Workload } from '@faultline/schemas';
import { compileDistribution, type Sampler } from '../kernel/distribution.ts';
import { RandomStream } from '../kernel/random.ts';

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

/**
 * When requests arrive at the entry: open arrivals (constant or Poisson, the rate following the
 * profile) or closed-loop users who think between requests. One random stream of its own, so
 * faults never move an arrival (common random numbers).
 */
export class Arrivals {
  private readonly random: RandomStream;
  private readonly rate: ArrivalRate;
  private readonly constant: boolean;
  private readonly think: Sampler | null;

  constructor(
    workload: Workload,
    seed: number,
    private readonly durationMs: number,
  ) {
    this.random = new RandomStream(seed, 'arrivals');
    this.rate = new ArrivalRate(workload);
    this.constant = workload.arrival.kind === 'constant';
    this.think = workload.arrival.kind === 'closed' ? compileDistribution(workload.arrival.thinkTime) : null;
  }

  /** A closed-loop user's think time. */
  thinkTime(): number {
    return this.think!(this.random);
  }

  /** The open arrival after `from`, or -1 when none comes before the end. */
  next(from: number): number {
    const rate = this.rate;
    if (rate.max <= 0) return -1;
    let t = from;
    if (this.constant) {
      // Evenly spaced at the rate that holds now.
      const current = rate.at(t);
      t += current > 0 ? 1000 / current : 1000 / rate.max;
    } else if (rate.constant) {
      t += this.random.exponential(1000 / rate.max);
    } else {
      // A Poisson process with a varying rate, by thinning: candidates at the peak rate, each
      // kept with probability rate(t) / peak.
      do t += this.random.exponential(1000 / rate.max);
      while (this.random.next() * rate.max >= rate.at(t) && t < this.durationMs);
    }
    return t < this.durationMs ? t : -1;
  }
}
