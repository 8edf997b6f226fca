import type { Fault } from '@faultline/schemas';
import { compileDistribution, type Sampler } from '../kernel/distribution.ts';
import { RandomStream } from '../kernel/random.ts';
import { code, type ErrorCode } from './errors.ts';

/**
 * A fault as the run sees it. Per-request faults ask `acts(now)` on each request they see;
 * crash, memory and connection exhaustion change a component's state at scheduled moments.
 *
 * Decisions the spec leaves open:
 * - `probability`, `ramp` and `maxTriggers` apply to per-request faults. A crash, a memory leak
 *   and connection exhaustion act on the component as a whole for their whole window.
 * - `intermittent` flaps every fault, state faults included (on for `onMs`, off for `offMs`).
 * - An open-ended fault (`durationMs: null`) lasts to the end of the run.
 */
export class FaultRuntime {
  readonly id: string;
  readonly type: Fault['type'];
  /** The component a component fault targets (null for connection faults). */
  readonly targetComponent: string | null;
  /** The connection a connection fault targets (null for component faults). */
  readonly targetConnection: string | null;
  /** The moments a fault switches on or off, in order: [t0 on, t1 off, t2 on, …]. */
  readonly moments: number[];
  readonly start: number;
  readonly end: number;
  private readonly probability: number;
  private readonly ramp: { from: number; to: number } | undefined;
  private readonly onMs: number;
  private readonly cycleMs: number;
  private readonly maxTriggers: number;
  private triggers = 0;
  readonly random: RandomStream;
  // Params, by type.
  readonly addMs: Sampler | null = null;
  readonly spikeProbability: number = 0;
  readonly spikeMultiplier: number = 1;
  readonly errors: ErrorCode[] = [];
  readonly detectable: boolean = true;
  readonly resource: 'cpu' | 'memory' | 'disk-io' | 'connections' | null = null;
  readonly intensity: number = 0;
  readonly hang: boolean = false;
  readonly instances: number | 'all' = 'all';
  readonly windowMs: number = 0;
  readonly bytesPerSecond: number = 0;

  constructor(fault: Fault, seed: number, runEnd: number) {
    this.id = fault.id;
    this.type = fault.type;
    this.targetComponent = 'component' in fault.target ? fault.target.component : null;
    this.targetConnection = 'connection' in fault.target ? fault.target.connection : null;
    const s = fault.schedule;
    this.start = s.startMs;
    this.end = s.durationMs === null ? runEnd : Math.min(runEnd, s.startMs + s.durationMs);
    this.probability = s.probability;
    this.ramp = s.ramp;
    this.onMs = s.intermittent ? s.intermittent.onMs : Infinity;
    this.cycleMs = s.intermittent ? s.intermittent.onMs + s.intermittent.offMs : Infinity;
    this.maxTriggers = s.maxTriggers ?? Infinity;
    this.random = new RandomStream(seed, `fault:${fault.id}`);
    switch (fault.type) {
      case 'latency':
        this.addMs = compileDistribution(fault.params.addMs);
        this.spikeProbability = fault.params.spikeProbability;
        this.spikeMultiplier = fault.params.spikeMultiplier;
        break;
      case 'error':
        this.errors = fault.params.errorTypes.map(code);
        break;
      case 'corruption':
        this.detectable = fault.params.detectable;
        break;
      case 'resource-exhaustion':
        this.resource = fault.params.resource;
        this.intensity = fault.params.intensity;
        break;
      case 'crash':
        this.hang = fault.params.mode === 'hang';
        this.instances = fault.params.instances;
        break;
      case 'reorder':
        this.windowMs = fault.params.windowMs;
        break;
      case 'bandwidth':
        this.bytesPerSecond = fault.params.bytesPerSecond;
        break;
    }
    this.moments = [];
    if (this.cycleMs === Infinity) {
      if (this.start < this.end) this.moments.push(this.start, this.end);
    } else {
      for (let on = this.start; on < this.end; on += this.cycleMs)
        this.moments.push(on, Math.min(this.end, on + this.onMs));
    }
  }

  /** Within its window and, when intermittent, in an "on" phase. */
  active(now: number): boolean {
    if (now < this.start || now >= this.end) return false;
    return this.cycleMs === Infinity || (now - this.start) % this.cycleMs < this.onMs;
  }

  /** Whether the fault acts on a request seen now; counts towards `maxTriggers`. */
  acts(now: number): boolean {
    if (!this.active(now) || this.triggers >= this.maxTriggers) return false;
    const p = this.ramp
      ? this.ramp.from + ((this.ramp.to - this.ramp.from) * (now - this.start)) / (this.end - this.start)
      : this.probability;
    if (p < 1 && this.random.next() >= p) return false;
    this.triggers++;
    return true;
  }

  /** Crashes, memory and connection exhaustion change the component's state for their window. */
  get changesState(): boolean {
    return this.type === 'crash' || this.resource === 'memory' || this.resource === 'connections';
  }

  /** Extra latency from a latency fault, spikes included. */
  extraLatency(): number {
    const extra = this.addMs!(this.random);
    return this.spikeProbability > 0 && this.random.next() < this.spikeProbability
      ? extra * this.spikeMultiplier
      : extra;
  }

  /** Service-time factor of cpu (and, for databases, disk-io) exhaustion: 1 / (1 − 0.9·intensity). */
  slowdown(): number {
    return 1 / (1 - 0.9 * this.intensity);
  }
}
