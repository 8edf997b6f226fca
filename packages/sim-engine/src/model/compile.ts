import type { Call, Design, InboundPolicy, OutgoingPolicy, PolicyReport } from '@faultline/schemas';
import { compileDistribution, constantOf } from '../kernel/distribution.ts';
import type { EventQueue } from '../kernel/event-queue.ts';
import { RandomStream } from '../kernel/random.ts';
import { ComponentRuntime, ConnectionRuntime, type CallDef, type OperationRuntime } from './components.ts';
import { compileFaults } from './faults/registry.ts';
import type { InjectedFault } from './faults/injected-fault.ts';
import { CircuitBreaker, type TransitionListener } from './patterns/circuit-breaker.ts';
import type { CountingPattern, InboundGuard } from './patterns/guards.ts';
import {
  OUTGOING_ORDER,
  buildInbound,
  buildOutgoing,
  byInboundLayer,
  pick,
  type OutgoingPatternInstance,
  type PatternContext,
} from './patterns/registry.ts';

/** A built policy as the results report it: every pattern class counts what it did. */
export interface PolicyInstance {
  component: string;
  type: PolicyReport['type'];
  connection: string | null;
  pattern: CountingPattern;
}

export interface Model {
  components: ComponentRuntime[];
  byId: Map<string, ComponentRuntime>;
  connections: ConnectionRuntime[];
  /** Every enabled fault, in design order (an event names one by its index here). */
  faults: InjectedFault[];
  /** In the order their calls were compiled: the time series lists their states in this order. */
  breakers: CircuitBreaker[];
  /** Every resilience policy of the design, in design order (outgoing, then inbound, per component). */
  policies: PolicyInstance[];
  entry: ComponentRuntime;
}

/** Turns a design into runtime structures: indices instead of ids, patterns and faults filed where they act. */
export function compileModel(
  design: Design,
  queue: EventQueue,
  seed: number,
  warmupMs: number,
  runEnd: number,
  faultsEnabled: boolean,
  onTransition: TransitionListener,
): Model {
  const components = design.components.map((c) => new ComponentRuntime(c, seed));
  const laneOf = (constant: number) => (Number.isNaN(constant) ? -1 : queue.optionalLaneFor(constant));
  for (const component of components) {
    for (const operation of component.operations) {
      if (operation.serviceTimeSpec) operation.workLane = laneOf(constantOf(operation.serviceTimeSpec));
    }
  }
  const byId = new Map(components.map((c) => [c.id, c]));
  const connections = design.connections.map(
    (c) =>
      new ConnectionRuntime(
        c.id,
        byId.get(c.target)!,
        c.mode === 'async',
        compileDistribution(c.latency),
        c.payloadBytes ?? 0,
        new RandomStream(seed, `network:${c.id}`),
        laneOf(constantOf(c.latency) / 2),
      ),
  );
  const connectionById = new Map(connections.map((c) => [c.id, c]));
  const patterns = new Map<OutgoingPolicy, OutgoingPatternInstance>();
  const breakers: CircuitBreaker[] = [];
  const policies: PolicyInstance[] = [];
  const measured = { from: warmupMs, to: runEnd };
  for (const component of components) {
    const context = { queue, component: component.id, onTransition, measured };
    policies.push(...compilePolicies(component, context, patterns));
    component.spec.operations?.forEach((operation, i) =>
      compileCalls(operation.calls, component, component.operations[i]!, connectionById, patterns, breakers),
    );
    // Without declared operations the component's own calls are its one operation's (SPEC §3.7).
    if (!component.spec.operations) {
      compileCalls(component.spec.calls, component, component.operations[0]!, connectionById, patterns, breakers);
    }
  }

  const enabled = faultsEnabled ? design.faults.filter((f) => f.enabled) : [];
  const faults = compileFaults(enabled, { seed, runEnd }, byId, connectionById);
  return { components, byId, connections, faults, breakers, policies, entry: byId.get(design.workload.entry)! };
}

/**
 * Builds each of the component's policies once: an outgoing one is shared by every call it applies
 * to (a component-wide breaker sees all the component's calls), inbound guards are asked in their
 * layer order. Every policy is reported, even one no call uses.
 */
function compilePolicies(
  component: ComponentRuntime,
  context: PatternContext,
  patterns: Map<OutgoingPolicy, OutgoingPatternInstance>,
): PolicyInstance[] {
  const { spec } = component;
  const reports: PolicyInstance[] = [];
  for (const policy of spec.resilience) {
    const built = buildOutgoing(policy, context);
    patterns.set(policy, built);
    reports.push(reported(component.id, policy, built.pattern));
  }
  const inbound = spec.kind === 'client' ? [] : spec.inbound;
  const guards = new Map<InboundPolicy, InboundGuard>(inbound.map((policy) => [policy, buildInbound(policy)]));
  for (const [policy, guard] of guards) reports.push(reported(component.id, policy, guard));
  component.inbound.push(...[...guards.keys()].sort(byInboundLayer).map((policy) => guards.get(policy)!));
  return reports;
}

/** An operation's calls, each with the patterns that apply to it in the SPEC's order, grouped into steps. */
function compileCalls(
  calls: readonly Call[],
  component: ComponentRuntime,
  operation: OperationRuntime,
  connections: ReadonlyMap<string, ConnectionRuntime>,
  patterns: ReadonlyMap<OutgoingPolicy, OutgoingPatternInstance>,
  breakers: CircuitBreaker[],
): void {
  const groups = new Map<string, CallDef[]>();
  for (const call of calls) {
    const connection = connections.get(call.connection)!;
    const def: CallDef = {
      connection,
      operation: connection.target.operation(call.operation),
      probability: call.probability,
      required: call.required,
      onMiss: call.onMiss === true,
      guards: [],
      handlers: [],
    };
    for (const type of OUTGOING_ORDER) {
      const policy = pick(component.spec.resilience, type, connection.id);
      if (!policy) continue;
      const built = patterns.get(policy)!;
      // The time series shows the breakers that guard some call, in the order calls meet them.
      if (built.pattern instanceof CircuitBreaker && !breakers.includes(built.pattern)) breakers.push(built.pattern);
      if (built.role === 'guard') def.guards.push(built.pattern);
      else def.handlers.unshift(built.pattern); // innermost first
    }
    operation.calls.push(def);
    if (call.parallelGroup === undefined) {
      operation.steps.push([def]);
    } else if (groups.has(call.parallelGroup)) {
      groups.get(call.parallelGroup)!.push(def);
    } else {
      const step = [def];
      groups.set(call.parallelGroup, step);
      operation.steps.push(step);
    }
  }
}

function reported(component: string, policy: OutgoingPolicy | InboundPolicy, pattern: CountingPattern): PolicyInstance {
  return { component, type: policy.type, connection: ('connection' in policy && policy.connection) || null, pattern };
}
