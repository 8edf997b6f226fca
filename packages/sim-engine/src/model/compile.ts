import type { Design, OutgoingPolicy } from '@faultline/schemas';
import { compileDistribution, constantOf } from '../kernel/distribution.ts';
import type { EventQueue } from '../kernel/event-queue.ts';
import { RandomStream } from '../kernel/random.ts';
import { ComponentRuntime, ConnectionRuntime, type CallDef } from './components.ts';
import { compileFaults } from './faults/registry.ts';
import type { InjectedFault } from './faults/injected-fault.ts';
import { CircuitBreaker, type TransitionListener } from './patterns/circuit-breaker.ts';
import { OUTGOING_ORDER, buildOutgoing, pick, type OutgoingPatternInstance } from './patterns/registry.ts';

export interface Model {
  components: ComponentRuntime[];
  byId: Map<string, ComponentRuntime>;
  connections: ConnectionRuntime[];
  /** Every enabled fault, in design order (an event names one by its index here). */
  faults: InjectedFault[];
  /** In the order their calls were compiled: the time series lists their states in this order. */
  breakers: CircuitBreaker[];
  entry: ComponentRuntime;
}

/** Turns a design into runtime structures: indices instead of ids, patterns and faults filed where they act. */
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
  for (const component of components) {
    if (component.spec.kind !== 'client') component.workLane = laneOf(constantOf(component.spec.serviceTime));
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
  // One instance per policy, shared by every call it applies to (a component-wide breaker sees
  // all the component's calls), built when the first call picks it.
  const patterns = new Map<OutgoingPolicy, OutgoingPatternInstance>();
  const breakers: CircuitBreaker[] = [];

  for (const component of components) {
    const { resilience } = component.spec;
    const context = { queue, component: component.id, onTransition };
    const groups = new Map<string, CallDef[]>();
    for (const call of component.spec.calls) {
      const connection = connectionById.get(call.connection)!;
      const def: CallDef = {
        connection,
        probability: call.probability,
        required: call.required,
        onMiss: call.onMiss === true,
        guards: [],
        handlers: [],
      };
      for (const type of OUTGOING_ORDER) {
        const policy = pick(resilience, type, connection.id);
        if (!policy) continue;
        let built = patterns.get(policy);
        if (!built) {
          built = buildOutgoing(policy, context);
          patterns.set(policy, built);
          if (built.pattern instanceof CircuitBreaker) breakers.push(built.pattern);
        }
        if (built.role === 'guard') def.guards.push(built.pattern);
        else def.handlers.unshift(built.pattern); // innermost first
      }
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

  const enabled = faultsEnabled ? design.faults.filter((f) => f.enabled) : [];
  const faults = compileFaults(enabled, { seed, runEnd }, byId, connectionById);
  return { components, byId, connections, faults, breakers, entry: byId.get(design.workload.entry)! };
}
