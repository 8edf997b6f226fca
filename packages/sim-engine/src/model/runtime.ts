import type { Component, Design, OutgoingPolicy } from '@faultline/schemas';
import { compileDistribution, constantOf, type Sampler } from '../kernel/distribution.ts';
import type { EventQueue } from '../kernel/event-queue.ts';
import { RandomStream } from '../kernel/random.ts';
import { ERROR_CODES } from './errors.ts';
import { LatencyHistogram } from '../stats/histogram.ts';
import { CircuitBreaker, type TransitionListener } from './circuit-breaker.ts';
import type { Hop } from './entities.ts';
import { FaultRuntime } from './faults.ts';
import { Bulkhead, RetryPolicy, pick, type CallPolicies } from './policies.ts';
import { RateLimiter } from './rate-limiter.ts';

/** Gateway balancing as an index into this list. */
const BALANCING = ['round-robin', 'random', 'least-outstanding'] as const;
export const BALANCE_ROUND_ROBIN = 0;
export const BALANCE_RANDOM = 1;
export const BALANCE_LEAST_OUTSTANDING = 2;

/** One replica of a component: its workers and its FIFO queue. */
export class Instance {
  up = true;
  /** Down in `hang` mode: requests are swallowed instead of refused. */
  hangs = false;
  busy = 0;
  readonly queue: Hop[] = [];
  queueHead = 0;
  /** Hops in flight here (queued or holding a worker), linked through Hop.prev/next. */
  first: Hop | null = null;

  get queued(): number {
    return this.queue.length - this.queueHead;
  }
}

export class ConnectionRuntime {
  /** Calls in flight over this connection (least-outstanding balancing). */
  outstanding = 0;
  readonly faults: FaultRuntime[] = [];
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
  policies: CallPolicies;
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
  readonly faults: FaultRuntime[] = [];
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
  readonly maxInFlight: number;
  readonly rateLimiter: RateLimiter | null;
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
      this.instances = [new Instance()];
      this.serviceTime = () => 0;
      this.concurrency = Infinity;
      this.queueCapacity = Infinity;
      this.maxInFlight = Infinity;
      this.rateLimiter = null;
      this.balancing = BALANCE_ROUND_ROBIN;
      this.hitRatio = 1;
    } else {
      this.instances = Array.from({ length: spec.replicas }, () => new Instance());
      this.serviceTime = compileDistribution(spec.serviceTime);
      // A queue's consumers are its workers and `maxDepth` bounds its backlog.
      this.concurrency =
        spec.kind === 'queue' ? Math.max(1, Math.ceil(spec.consumers / spec.replicas)) : spec.concurrency;
      const capacity = spec.kind === 'queue' ? spec.maxDepth : spec.queueCapacity;
      this.queueCapacity =
        capacity === null ? Infinity : spec.kind === 'queue' ? Math.ceil(capacity / spec.replicas) : capacity;
      const shedding = spec.inbound.find((p) => p.type === 'load-shedding');
      this.maxInFlight = shedding?.type === 'load-shedding' ? shedding.params.maxInFlight : Infinity;
      const limiter = spec.inbound.find((p) => p.type === 'rate-limiter');
      this.rateLimiter = limiter?.type === 'rate-limiter' ? new RateLimiter(limiter) : null;
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

export interface Model {
  components: ComponentRuntime[];
  byId: Map<string, ComponentRuntime>;
  connections: ConnectionRuntime[];
  faults: FaultRuntime[];
  breakers: CircuitBreaker[];
  entry: ComponentRuntime;
}

/** Turns a design into runtime structures: indices instead of ids, policies resolved per call. */
export function compileModel(
  design: Design,
  queue: EventQueue,
  seed: number,
  runEnd: number,
  faultsEnabled: boolean,
  onTransition: TransitionListener,
): Model {
  const components = design.components.map((c) => new ComponentRuntime(c, seed));
  const laneOf = (constant: number) => (Number.isNaN(constant) ? -1 : queue.optionalLaneFor(constant));
  for (const component of components)
    if (component.spec.kind !== 'client') component.workLane = laneOf(constantOf(component.spec.serviceTime));
  const byId = new Map(components.map((c) => [c.id, c]));
  const connections = design.connections.map((c) => {
    const target = byId.get(c.target)!;
    return new ConnectionRuntime(
      c.id,
      target,
      c.mode === 'async',
      compileDistribution(c.latency),
      c.payloadBytes ?? 0,
      new RandomStream(seed, `network:${c.id}`),
      laneOf(constantOf(c.latency) / 2),
    );
  });
  const connectionById = new Map(connections.map((c) => [c.id, c]));
  const breakers: CircuitBreaker[] = [];
  const breakerIndex = new Map<OutgoingPolicy, number>();
  const bulkheads = new Map<OutgoingPolicy, Bulkhead>();

  for (const component of components) {
    const { resilience } = component.spec;
    const groups = new Map<string, CallDef[]>();
    for (const call of component.spec.calls) {
      const connection = connectionById.get(call.connection)!;
      const breakerPolicy = pick(resilience, 'circuit-breaker', connection.id);
      if (breakerPolicy && !breakerIndex.has(breakerPolicy)) {
        breakerIndex.set(breakerPolicy, breakers.length);
        breakers.push(new CircuitBreaker(component.id, breakerPolicy.connection ?? null, breakerPolicy, onTransition));
      }
      const bulkheadPolicy = pick(resilience, 'bulkhead', connection.id);
      if (bulkheadPolicy && !bulkheads.has(bulkheadPolicy)) bulkheads.set(bulkheadPolicy, new Bulkhead(bulkheadPolicy));
      const retry = pick(resilience, 'retry', connection.id);
      const timeoutMs = pick(resilience, 'timeout', connection.id)?.params.timeoutMs ?? 0;
      const def: CallDef = {
        connection,
        probability: call.probability,
        required: call.required,
        onMiss: call.onMiss === true,
        policies: {
          timeoutMs,
          timeoutLane: timeoutMs > 0 ? queue.laneFor(timeoutMs) : -1,
          retry: retry ? new RetryPolicy(retry) : null,
          breaker: breakerPolicy ? breakerIndex.get(breakerPolicy)! : -1,
          bulkhead: bulkheadPolicy ? bulkheads.get(bulkheadPolicy)! : null,
          fallbackLatencyMs: pick(resilience, 'fallback', connection.id)?.params.latencyMs ?? -1,
        },
      };
      component.calls.push(def);
      if (call.parallelGroup === undefined) {
        component.steps.push([def]);
      } else if (groups.has(call.parallelGroup)) {
        groups.get(call.parallelGroup)!.push(def);
      } else {
        const step = [def];
        groups.set(call.parallelGroup, step);
        component.steps.push(step);
      }
    }
  }

  const faults = faultsEnabled
    ? design.faults.filter((f) => f.enabled).map((f) => new FaultRuntime(f, seed, runEnd))
    : [];
  // Per-request faults are checked where requests pass; state faults act through scheduled events.
  for (const fault of faults) {
    if (fault.targetConnection !== null) connectionById.get(fault.targetConnection)!.faults.push(fault);
    else if (!fault.changesState) byId.get(fault.targetComponent!)!.faults.push(fault);
  }

  return { components, byId, connections, faults, breakers, entry: byId.get(design.workload.entry)! };
}
