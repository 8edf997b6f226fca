// The design as the run holds it: components with their replicas, connections, and the calls
// each component makes, with the faults and patterns that act on them filed where they act.
import type { Component } from '@faultline/schemas';
import { ERROR_CODES } from '../codes.ts';
import { compileDistribution, type Sampler } from '../kernel/distribution.ts';
import { RandomStream } from '../kernel/random.ts';
import { LatencyHistogram } from '../stats/histogram.ts';
import type { AdmissionFault, AnswerFault, NetworkFault, ServiceFault } from './faults/injected-fault.ts';
import type { AttemptGuard, FailureHandler, InboundGuard } from './patterns/guards.ts';
import { FaultTally } from './fault-tally.ts';
import { WorkerPool } from './worker-pool.ts';

/** Gateway balancing as an index into this list. */
const BALANCING = ['round-robin', 'random', 'least-outstanding'] as const;
export const BALANCE_ROUND_ROBIN = 0;
export const BALANCE_RANDOM = 1;
export const BALANCE_LEAST_OUTSTANDING = 2;

/** One replica of a component: up or down, and its workers. */
export class Instance {
  up = true;
  /** Down in `hang` mode: requests are swallowed instead of refused. */
  hangs = false;
  /** The fault that took it down (its bit, see causes.ts). */
  downBy = 0;
  readonly workers: WorkerPool;

  constructor(component: ComponentRuntime) {
    this.workers = new WorkerPool(component);
  }
}

export class ConnectionRuntime {
  /** Calls in flight over this connection (least-outstanding balancing). */
  outstanding = 0;
  /** Faults that act on the messages crossing it, in design order. */
  readonly networkFaults: NetworkFault[] = [];
  constructor(
    readonly id: string,
    readonly target: ComponentRuntime,
    readonly async: boolean,
    readonly latency: Sampler,
    readonly payloadBytes: number,
    readonly random: RandomStream,
    /** The event-queue lane of a constant latency's half: its messages skip the heap (-1: none). */
    readonly halfLane: number,
  ) {}
}

export interface CallDef {
  connection: ConnectionRuntime;
  probability: number;
  required: boolean;
  /** Caches: made on a miss only. */
  onMiss: boolean;
  /** Circuit breaker, bulkhead, timeout: outermost first. */
  guards: AttemptGuard[];
  /** Retry, fallback: innermost first. */
  handlers: FailureHandler[];
}

/** Counters and time integrals of one component over the measured period. */
export class ComponentStats {
  requests = 0;
  succeeded = 0;
  failed = 0;
  readonly failedByKind = new Float64Array(ERROR_CODES.length);
  readonly latency = new LatencyHistogram();
  busyArea = 0;
  queueArea = 0;
}

export class ComponentRuntime {
  readonly instances: Instance[];
  readonly steps: CallDef[][] = [];
  readonly calls: CallDef[] = [];
  // Per-request faults, filed by the hook where they act, each list in design order.
  readonly admissionFaults: AdmissionFault[] = [];
  readonly serviceFaults: ServiceFault[] = [];
  readonly answerFaults: AnswerFault[] = [];
  /** The faults the requests in flight here carry (see causes.ts). */
  readonly faultsInFlight = new FaultTally();
  /** Load shedding, then the rate limiter (filled in by compileModel). */
  readonly inbound: InboundGuard[] = [];
  readonly stats = new ComponentStats();
  readonly serviceTime: Sampler;
  readonly random: RandomStream;
  readonly isClient: boolean;
  readonly isGateway: boolean;
  readonly isCache: boolean;
  readonly isQueue: boolean;
  readonly isDatabase: boolean;
  readonly balancing: number;
  readonly hitRatio: number;
  readonly concurrency: number;
  /** Workers usable now: connection exhaustion shrinks it. */
  effectiveConcurrency: number;
  readonly queueCapacity: number;
  /** The event-queue lane of a constant service time (-1: none). */
  workLane = -1;
  /** Round-robin positions: the next replica, and a gateway's next target. */
  nextInstance = 0;
  nextCall = 0;
  inFlight = 0;
  // Time integrals are kept from `lastChange`.
  busyTotal = 0;
  queuedTotal = 0;
  lastChange = 0;

  constructor(
    readonly spec: Component,
    seed: number,
  ) {
    this.isClient = spec.kind === 'client';
    this.isGateway = spec.kind === 'gateway';
    this.isCache = spec.kind === 'cache';
    this.isQueue = spec.kind === 'queue';
    this.isDatabase = spec.kind === 'database';
    this.random = new RandomStream(seed, `service:${spec.id}`);
    if (spec.kind === 'client') {
      // The client does no work: one instance, no queue, as many requests as arrive.
      this.instances = [new Instance(this)];
      this.serviceTime = () => 0;
      this.concurrency = Infinity;
      this.queueCapacity = Infinity;
      this.balancing = BALANCE_ROUND_ROBIN;
      this.hitRatio = 1;
    } else {
      this.instances = Array.from({ length: spec.replicas }, () => new Instance(this));
      this.serviceTime = compileDistribution(spec.serviceTime);
      // A queue's consumers are its workers and `maxDepth` bounds its backlog.
      this.concurrency =
        spec.kind === 'queue' ? Math.max(1, Math.ceil(spec.consumers / spec.replicas)) : spec.concurrency;
      const capacity = spec.kind === 'queue' ? spec.maxDepth : spec.queueCapacity;
      this.queueCapacity =
        capacity === null ? Infinity : spec.kind === 'queue' ? Math.ceil(capacity / spec.replicas) : capacity;
      this.balancing = spec.kind === 'gateway' ? BALANCING.indexOf(spec.balancing) : BALANCE_ROUND_ROBIN;
      this.hitRatio = spec.kind === 'cache' ? spec.hitRatio : 1;
    }
    this.effectiveConcurrency = this.concurrency;
  }

  get id(): string {
    return this.spec.id;
  }

  get workers(): number {
    return this.instances.length * this.concurrency;
  }
}
