// The design as the run holds it: components with their replicas, connections, and the calls
// each component makes, with the faults and patterns that act on them filed where they act.
import type { Component, DEFAULT_OPERATION_ID, Distribution } from '@faultline/schemas';
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
  /** The operation of the target this call asks for (SPEC §3.7). */
  operation: OperationRuntime;
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

/** What one operation of a component did, when the component has more than one (SPEC §3.7). */
export class OperationStats {
  requests = 0;
  failed = 0;
  readonly latency = new LatencyHistogram();
}

/**
 * One operation of a component (SPEC §3.7): the work a request for it does there and the calls it
 * makes. A component without declared operations has one, `default`, made of its own service
 * time and calls, so a design without operations runs exactly as before they existed.
 */
export class OperationRuntime {
  readonly steps: CallDef[][] = [];
  readonly calls: CallDef[] = [];
  // Per-request faults, filed by the hook where they act, each list in design order: the
  // component's own faults and those scoped to this operation.
  readonly admissionFaults: AdmissionFault[] = [];
  readonly serviceFaults: ServiceFault[] = [];
  readonly answerFaults: AnswerFault[] = [];
  /** The event-queue lane of a constant service time (-1: none). */
  workLane = -1;
  /** A gateway's next target, round-robin. */
  nextCall = 0;
  /** null when the component has a single operation: its own figures are this operation's. */
  readonly stats: OperationStats | null;

  constructor(
    readonly id: string,
    readonly name: string,
    /** Its position in the component's operations (a client's: the class index). */
    readonly index: number,
    /** The distribution the service time is drawn from; null for a client, which does no work. */
    readonly serviceTimeSpec: Distribution | null,
    readonly serviceTime: Sampler,
    readonly random: RandomStream,
    /** A client's operation: the request class's weight in the workload's mix. */
    readonly weight: number,
    measured: boolean,
  ) {
    this.stats = measured ? new OperationStats() : null;
  }
}

export class ComponentRuntime {
  readonly instances: Instance[];
  /** Its declared operations in design order, or the implicit `default` one. */
  readonly operations: OperationRuntime[];
  /** The faults the requests in flight here carry (see causes.ts). */
  readonly faultsInFlight = new FaultTally();
  /** Load shedding, then the rate limiter (filled in by compileModel). */
  readonly inbound: InboundGuard[] = [];
  readonly stats = new ComponentStats();
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
  /** Round-robin position of the next replica. */
  nextInstance = 0;
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
    if (spec.kind === 'client') {
      // The client does no work: one instance, no queue, as many requests as arrive.
      this.instances = [new Instance(this)];
      this.concurrency = Infinity;
      this.queueCapacity = Infinity;
      this.balancing = BALANCE_ROUND_ROBIN;
      this.hitRatio = 1;
    } else {
      this.instances = Array.from({ length: spec.replicas }, () => new Instance(this));
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
    this.operations = operationsOf(spec, seed);
  }

  /** The operation a call names, else the first (SPEC §3.7). */
  operation(id: string | undefined): OperationRuntime {
    return (id !== undefined && this.operations.find((o) => o.id === id)) || this.operations[0]!;
  }

  get id(): string {
    return this.spec.id;
  }

  get workers(): number {
    return this.instances.length * this.concurrency;
  }
}

const NO_WORK: Sampler = () => 0;
/** The schemas' implicit operation id (the engine imports types only, so the compiler checks the copy). */
const DEFAULT_OPERATION: typeof DEFAULT_OPERATION_ID = 'default';

/**
 * Each operation draws its service times from a stream of its own, so that what happens to one
 * operation's requests (a fault that fails them before their work) never shifts another's draws.
 * The implicit operation keeps the component's stream: a design without operations runs as before.
 */
function operationsOf(spec: Component, seed: number): OperationRuntime[] {
  const own = spec.kind === 'client' ? null : spec.serviceTime;
  const declared = spec.operations ?? [{ id: DEFAULT_OPERATION, name: spec.name }];
  const measured = spec.kind !== 'client' && declared.length > 1;
  return declared.map((operation, index) => {
    const serviceTime = own && (('serviceTime' in operation && operation.serviceTime) || own);
    const weight = 'weight' in operation && operation.weight !== undefined ? operation.weight : 1;
    return new OperationRuntime(
      operation.id,
      operation.name,
      index,
      serviceTime,
      serviceTime ? compileDistribution(serviceTime) : NO_WORK,
      new RandomStream(seed, spec.operations ? `service:${spec.id}/${operation.id}` : `service:${spec.id}`),
      weight,
      measured,
    );
  });
}
