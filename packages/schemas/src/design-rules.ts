// Whole-design rules on top of the field rules: every reference resolves, ids are unique, each
// fault fits its target, policies are not doubled up and no synchronous calls go round in a
// circle. Each broken rule is reported at the path of the field that breaks it.
import type { Call, Component, Connection } from './component.ts';
import { FAULT_TARGETS, actsOnWholeComponent, type Fault } from './fault.ts';
import { checkOperations, operationIds } from './operation-rules.ts';
import type { InboundPolicy, OutgoingPolicy } from './resilience.ts';
import type { Slo, Workload } from './workload.ts';

export interface DesignParts {
  components: Component[];
  connections: Connection[];
  faults: Fault[];
  workload: Workload;
  /** Optional so that callers checking only the structure need not pass targets. */
  slo?: Pick<Slo, 'classes'>;
}

export interface RuleViolation {
  path: (string | number)[];
  message: string;
}

export function checkDesignRules(design: DesignParts): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const report = (path: (string | number)[], message: string) => violations.push({ path, message });
  const components = new Map(design.components.map((c) => [c.id, c]));
  const connections = new Map(design.connections.map((c) => [c.id, c]));

  checkUniqueIds(design, report);
  design.connections.forEach((connection, i) => checkConnection(connection, i, components, report));
  design.components.forEach((component, i) => {
    checkCalls(component.calls, ['components', i, 'calls'], component, connections, components, report);
    component.operations?.forEach((operation, k) =>
      checkCalls(
        operation.calls,
        ['components', i, 'operations', k, 'calls'],
        component,
        connections,
        components,
        report,
      ),
    );
    checkOutgoingPolicies(component.resilience, ['components', i, 'resilience'], component, connections, report);
    if (component.kind !== 'client') checkInboundPolicies(component.inbound, ['components', i, 'inbound'], report);
  });
  design.faults.forEach((fault, i) => checkFault(fault, i, components, connections, report));
  checkWorkload(design.workload, components, report);
  checkOperations(design, components, report);
  checkSyncCycles(design, report);
  return violations;
}

export type Report = (path: (string | number)[], message: string) => void;

function checkUniqueIds(design: DesignParts, report: Report): void {
  const seen = new Map<string, string>();
  const visit = (collection: string, items: { id: string }[]) =>
    items.forEach((item, i) => {
      const where = seen.get(item.id);
      if (where) report([collection, i, 'id'], `id "${item.id}" is already used by /${where}`);
      else seen.set(item.id, `${collection}/${i}`);
    });
  visit('components', design.components);
  visit('connections', design.connections);
  visit('faults', design.faults);
}

function checkConnection(connection: Connection, i: number, components: Map<string, Component>, report: Report): void {
  for (const end of ['source', 'target'] as const) {
    if (!components.has(connection[end])) report(['connections', i, end], `no component has id "${connection[end]}"`);
  }
  if (components.get(connection.target)?.kind === 'client') {
    report(['connections', i, 'target'], 'a client cannot be called: it only sends traffic');
  }
}

function checkCalls(
  calls: Call[],
  at: (string | number)[],
  component: Component,
  connections: Map<string, Connection>,
  components: Map<string, Component>,
  report: Report,
): void {
  calls.forEach((call, j) => {
    const path = [...at, j];
    const connection = connections.get(call.connection);
    if (!connection) report([...path, 'connection'], `no connection has id "${call.connection}"`);
    else if (connection.source !== component.id) {
      report(
        [...path, 'connection'],
        `connection "${call.connection}" starts at "${connection.source}", not at "${component.id}"`,
      );
    }
    if (call.onMiss !== undefined && component.kind !== 'cache')
      report([...path, 'onMiss'], 'only a cache has a miss path');
    const target = connection && components.get(connection.target);
    if (call.operation !== undefined && target && !operationIds(target).includes(call.operation))
      report([...path, 'operation'], `no operation "${call.operation}" on "${target.id}"`);
  });
}

function checkOutgoingPolicies(
  policies: OutgoingPolicy[],
  path: (string | number)[],
  component: Component,
  connections: Map<string, Connection>,
  report: Report,
): void {
  const seen = new Set<string>();
  policies.forEach((policy, j) => {
    if (policy.connection !== undefined) {
      const connection = connections.get(policy.connection);
      if (!connection) report([...path, j, 'connection'], `no connection has id "${policy.connection}"`);
      else if (connection.source !== component.id) {
        report(
          [...path, j, 'connection'],
          `connection "${policy.connection}" is not one of "${component.id}"'s outgoing connections`,
        );
      }
    }
    const key = `${policy.type}@${policy.connection ?? '*'}`;
    if (seen.has(key)) {
      report(
        [...path, j, 'type'],
        `a ${policy.type} policy for ${policy.connection ? `connection "${policy.connection}"` : 'all calls'} is already set`,
      );
    }
    seen.add(key);
  });
}

function checkInboundPolicies(policies: InboundPolicy[], path: (string | number)[], report: Report): void {
  const seen = new Set<string>();
  policies.forEach((policy, j) => {
    if (seen.has(policy.type)) report([...path, j, 'type'], `a ${policy.type} guard is already set`);
    seen.add(policy.type);
  });
}

function checkFault(
  fault: Fault,
  i: number,
  components: Map<string, Component>,
  connections: Map<string, Connection>,
  report: Report,
): void {
  const path = ['faults', i];
  const allowed = FAULT_TARGETS[fault.type];
  if ('component' in fault.target) {
    const component = components.get(fault.target.component);
    if (!allowed.component) report([...path, 'target'], `a ${fault.type} fault targets a connection, not a component`);
    else if (!component) report([...path, 'target', 'component'], `no component has id "${fault.target.component}"`);
    else if (component.kind === 'client') {
      report([...path, 'target', 'component'], 'a client does no work of its own: target a component it calls');
    } else if (fault.target.operation !== undefined && !operationIds(component).includes(fault.target.operation)) {
      report([...path, 'target', 'operation'], `no operation "${fault.target.operation}" on "${component.id}"`);
    } else if (fault.target.operation !== undefined && actsOnWholeComponent(fault)) {
      report(
        [...path, 'target', 'operation'],
        `${wholeComponentFault(fault)} acts on the whole component, not on one operation`,
      );
    } else if (
      fault.type === 'crash' &&
      fault.params.instances !== 'all' &&
      fault.params.instances > component.replicas
    ) {
      report([...path, 'params', 'instances'], `"${component.id}" has only ${component.replicas} replica(s)`);
    }
  } else {
    const connection = connections.get(fault.target.connection);
    if (!allowed.connection) report([...path, 'target'], `a ${fault.type} fault targets a component, not a connection`);
    else if (!connection)
      report([...path, 'target', 'connection'], `no connection has id "${fault.target.connection}"`);
    else if (allowed.asyncOnly && connection.mode !== 'async') {
      report(
        [...path, 'target', 'connection'],
        `a ${fault.type} fault needs an async connection; "${connection.id}" is sync`,
      );
    }
  }
  const { ramp, durationMs } = fault.schedule;
  if (ramp && durationMs === null)
    report([...path, 'schedule', 'ramp'], 'a ramp needs a window: give the fault a duration');
}

const wholeComponentFault = (fault: Fault) =>
  fault.type === 'resource-exhaustion' ? `${fault.params.resource} exhaustion` : `a ${fault.type}`;

function checkWorkload(workload: Workload, components: Map<string, Component>, report: Report): void {
  const entry = components.get(workload.entry);
  if (!entry) report(['workload', 'entry'], `no component has id "${workload.entry}"`);
  else if (entry.kind !== 'client')
    report(['workload', 'entry'], `the entry must be a client; "${entry.id}" is a ${entry.kind}`);
  if (workload.profile && workload.arrival.kind === 'closed') {
    report(
      ['workload', 'profile'],
      'a rate profile applies to open arrivals (poisson or constant), not to a closed loop',
    );
  }
}

/** The least a cycle search needs; a connection without `mode` is sync (the schema's default). */
export interface CallGraph {
  components: readonly { id: string; kind: string }[];
  connections: readonly { source: string; target: string; mode?: string }[];
}

/** A loop of synchronous calls: the components going round (the first again at the end) and the connections' indexes. */
export interface SyncCycle {
  components: string[];
  connections: number[];
}

/**
 * The first synchronous call cycle, or null. A cycle would hold a worker at every hop while
 * waiting on itself. A queue acknowledges at once, so edges out of a queue do not block and
 * cannot close a cycle. Exported so the editor marks the same loop the rule refuses.
 */
export function findSyncCycle(design: CallGraph): SyncCycle | null {
  const kinds = new Map(design.components.map((c) => [c.id, c.kind]));
  const edges = new Map<string, { to: string; index: number }[]>();
  design.connections.forEach((c, index) => {
    if ((c.mode ?? 'sync') !== 'sync' || kinds.get(c.source) === 'queue') return;
    edges.set(c.source, [...(edges.get(c.source) ?? []), { to: c.target, index }]);
  });
  const state = new Map<string, 'visiting' | 'done'>();
  // The path walked so far: each node with the connection that led to it.
  const trail: { node: string; via: number }[] = [];
  const visit = (node: string, via: number): SyncCycle | null => {
    state.set(node, 'visiting');
    trail.push({ node, via });
    for (const edge of edges.get(node) ?? []) {
      const next = state.get(edge.to);
      if (next === 'visiting') {
        const loop = [...trail.slice(trail.findIndex((t) => t.node === edge.to)), { node: edge.to, via: edge.index }];
        return { components: loop.map((t) => t.node), connections: loop.slice(1).map((t) => t.via) };
      }
      if (next === undefined) {
        const found = visit(edge.to, edge.index);
        if (found) return found;
      }
    }
    trail.pop();
    state.set(node, 'done');
    return null;
  };
  for (const id of kinds.keys()) {
    const found = state.has(id) ? null : visit(id, -1);
    if (found) return found;
  }
  return null;
}

function checkSyncCycles(design: DesignParts, report: Report): void {
  const cycle = findSyncCycle(design);
  if (!cycle) return;
  // Point at the newest connection of the loop (the highest index): usually the one just drawn.
  report(['connections', Math.max(...cycle.connections)], `synchronous call cycle: ${cycle.components.join(' → ')}`);
}
