import { findSyncCycle, type FieldIssue } from '@faultline/schemas';
import type { DesignInput } from '@faultline/schemas';
import { fieldLabel } from './design-diff.ts';
import { componentName, connectionName, targetName } from './names.ts';
import { targetIdOf } from './new-parts.ts';

/** One thing to fix before saving, said in words, with the part to select to fix it. */
export interface Problem {
  /** The issue's JSON pointer (unique per problem, and what the field shows it under). */
  path: string;
  /** Where it is, by name: a component, a connection, a fault, or a section of the design. */
  where: string;
  /** The field at fault, in words; empty when the problem is the part itself. */
  field: string;
  message: string;
  /** The component or connection to select (empty: the design's own settings). */
  select: string[];
}

/** A loop of synchronous calls in the draft: its connections' ids and the components going round, by name. */
export interface CallLoop {
  connections: string[];
  names: string[];
}

export function callLoopOf(draft: DesignInput): CallLoop | null {
  const connections = draft.connections ?? [];
  const cycle = findSyncCycle({ components: draft.components, connections });
  if (!cycle) return null;
  return {
    connections: cycle.connections.map((i) => connections[i]!.id),
    names: cycle.components.map((id) => componentName(draft, id)),
  };
}

export const loopMessage = (loop: CallLoop) => `Calls form a loop: ${loop.names.join(' → ')}`;

/** A call by what it calls: "Call to Orders DB". */
function callWords(draft: DesignInput, call: { connection: string } | undefined): string {
  const connection = draft.connections?.find((c) => c.id === call?.connection);
  return connection ? `Call to ${componentName(draft, connection.target)}` : 'Call';
}

/** The words for a field deeper in a component: its call, operation or policy by what it points at. */
function componentField(draft: DesignInput, index: number, rest: string[]): string {
  const component = draft.components[index];
  const [list, at, ...field] = rest;
  const tail = field.length ? ` · ${fieldLabel(field[field.length - 1]!)}` : '';
  if (list === 'calls' && at !== undefined) return `${callWords(draft, component?.calls?.[Number(at)])}${tail}`;
  if (list === 'operations' && at !== undefined) {
    const operation = component?.operations?.[Number(at)];
    const named = `${component?.kind === 'client' ? 'Request class' : 'Operation'} “${operation?.name ?? at}”`;
    const [inner, innerAt] = field;
    if (inner === 'calls' && innerAt !== undefined)
      return `${named} · ${callWords(draft, operation?.calls?.[Number(innerAt)])}${field.length > 2 ? tail : ''}`;
    return `${named}${tail}`;
  }
  if ((list === 'resilience' || list === 'inbound') && at !== undefined) {
    const policy = list === 'resilience' ? component?.resilience?.[Number(at)] : undefined;
    const guard = component && 'inbound' in component ? component.inbound?.[Number(at)] : undefined;
    const type = (policy ?? guard)?.type ?? 'policy';
    return `${list === 'inbound' ? `${type} guard` : `${type} policy`}${tail}`;
  }
  return list === undefined ? '' : fieldLabel(rest[rest.length - 1]!);
}

/** Where an issue is, in words, and what to select to fix it. */
function locate(draft: DesignInput, path: string[]): Omit<Problem, 'path' | 'message'> {
  const [section, at, ...rest] = path;
  const index = Number(at);
  if (section === 'components' && draft.components[index]) {
    const component = draft.components[index];
    return { where: component.name, field: componentField(draft, index, rest), select: [component.id] };
  }
  if (section === 'connections' && draft.connections?.[index]) {
    const connection = draft.connections[index];
    const field = rest.length ? fieldLabel(rest[rest.length - 1]!) : '';
    return { where: connectionName(draft, connection), field, select: [connection.id] };
  }
  if (section === 'faults' && draft.faults?.[index]) {
    const fault = draft.faults[index];
    const target = targetIdOf(fault.target);
    const exists =
      draft.components.some((c) => c.id === target) || (draft.connections ?? []).some((c) => c.id === target);
    const field = rest.length ? fieldLabel(rest[rest.length - 1]!) : '';
    return {
      where: `Fault “${fault.name}” on ${targetName(draft, fault.target)}`,
      field,
      select: exists ? [target] : [],
    };
  }
  if (section === 'slo' && at === 'classes' && rest[0] !== undefined) {
    // A request class's target, by the class's name where the entry client has it.
    const entry = draft.components.find((c) => c.id === draft.workload?.entry);
    const name = entry?.operations?.find((o) => o.id === rest[0])?.name ?? rest[0];
    return { where: 'SLO', field: `${name} requests${rest[1] ? ` · ${fieldLabel(rest[1])}` : ''}`, select: [] };
  }
  if (section === 'workload' || section === 'slo')
    return {
      where: section === 'slo' ? 'SLO' : 'Workload',
      field: at === undefined ? '' : fieldLabel(path[path.length - 1]!),
      select: [],
    };
  return { where: 'Design', field: section ? fieldLabel(path[path.length - 1]!) : '', select: [] };
}

/**
 * Every problem of the draft in words. The schema's cycle issue (the one issue at a connection's
 * own path) is said with the loop's names; a loop the schema did not reach (other fields fail
 * first) is listed all the same, since the canvas marks it.
 */
export function describeProblems(draft: DesignInput, issues: FieldIssue[], loop: CallLoop | null): Problem[] {
  const problems = issues
    .filter((issue) => !(loop && /^\/connections\/\d+$/.test(issue.path)))
    .map((issue) => ({
      path: issue.path,
      message: issue.message,
      ...locate(draft, issue.path.split('/').slice(1)),
    }));
  if (!loop) return problems;
  // The newest connection of the loop, as the schema reports it: usually the one just drawn.
  const connections = draft.connections ?? [];
  const newest = Math.max(...loop.connections.map((id) => connections.findIndex((c) => c.id === id)));
  const connection = connections[newest]!;
  return [
    {
      path: `/connections/${newest}`,
      message: loopMessage(loop),
      where: connectionName(draft, connection),
      field: '',
      select: [connection.id],
    },
    ...problems,
  ];
}
