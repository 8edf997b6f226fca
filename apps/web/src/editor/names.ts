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

/** A fault's target: a component's name, or a connection's "Order service → Email queue". */
export const targetName = (design: Parts, target: TargetDraft) =>
  'component' in target ? componentName(design, target.component) : connectionNameById(design, target.connection);
