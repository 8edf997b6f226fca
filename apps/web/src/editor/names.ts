import type { DesignInput } from '@faultline/schemas';
import type { ConnectionDraft, TargetDraft } from './draft.ts';

// What a person reads: components by name, connections by the names at their ends. An id shows
// only where nothing by that id exists (a dangling reference), so the problem stays findable.

type Parts = Pick<DesignInput, 'components' | 'connections'>;

export const componentName = (design: Parts, id: string) => design.components.find((c) => c.id === id)?.name ?? id;

export const connectionName = (design: Parts, connection: Pick<ConnectionDraft, 'source' | 'target'>) =>
  `${componentName(design, connection.source)} → ${componentName(design, connection.target)}`;

export function connectionNameById(design: Parts, id: string): string {
  const connection = design.connections?.find((c) => c.id === id);
  return connection ? connectionName(design, connection) : id;
}

/**
 * A fault's target: a component's name, with the one operation it acts on ("Orders DB · Write"),
 * or a connection's "Order service → Email queue".
 */
export function targetName(design: Parts, target: TargetDraft): string {
  if (!('component' in target)) return connectionNameById(design, target.connection);
  const name = componentName(design, target.component);
  if (target.operation === undefined) return name;
  const operations = design.components.find((c) => c.id === target.component)?.operations;
  return `${name} · ${operations?.find((o) => o.id === target.operation)?.name ?? target.operation}`;
}
