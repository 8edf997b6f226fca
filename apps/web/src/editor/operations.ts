import { ClientOperationSchema, defaultsOf, type DesignInput } from '@faultline/schemas';
import type { CallDraft, ComponentDraft, OperationDraft } from './draft.ts';

// Operations and request classes (SPEC §3.7), as the editor reads them: apart from React, so
// every rule here is tested without a browser.

/** A component's operations; none means one implicit operation made of its own service time and calls. */
export const operationsOf = (component: ComponentDraft | undefined): OperationDraft[] => component?.operations ?? [];

/** A request class's weight where none is set, as the schema fills it in. */
export const DEFAULT_WEIGHT = defaultsOf(ClientOperationSchema).weight;

/** The weight in force; text typed that is not a number yet, or one not above 0, has none. */
function weightOf(operation: OperationDraft): number | null {
  const weight = 'weight' in operation ? operation.weight : undefined;
  if (weight === undefined) return DEFAULT_WEIGHT;
  return typeof weight === 'number' && Number.isFinite(weight) && weight > 0 ? weight : null;
}

export interface ClassShare {
  id: string;
  name: string;
  /** The weight in force (the default where none is set); null while the one typed is not valid. */
  weight: number | null;
  /** weight / total of the weights, in [0, 1]; null while any weight is not valid (the total is unknown). */
  share: number | null;
}

/** Each request class of a client with the share of arrivals it gets: its weight over the total. */
export function classShares(client: ComponentDraft | undefined): ClassShare[] {
  const operations = operationsOf(client);
  const weights = operations.map(weightOf);
  const valid = weights.every((w) => w !== null);
  const total = valid ? weights.reduce<number>((sum, w) => sum + w!, 0) : 0;
  return operations.map((operation, i) => ({
    id: operation.id,
    name: operation.name,
    weight: weights[i]!,
    share: valid && total > 0 ? weights[i]! / total : null,
  }));
}

/** `62.5 %`: a share as a person reads it, to a tenth of a point. */
export const shareText = (share: number | null) => (share === null ? '–' : `${Number((share * 100).toFixed(1))} %`);

/**
 * The call list at `operation` (an index into the component's operations), or the component's own
 * calls; created empty where the draft has none yet, so an edit can push to it.
 */
export function callListOf(component: ComponentDraft, operation?: number): CallDraft[] | undefined {
  if (operation === undefined) return (component.calls ??= []);
  const found = component.operations?.[operation];
  return found ? (found.calls ??= []) : undefined;
}

/** Every call the component makes, whichever operation makes it. */
export const everyCallOf = (component: ComponentDraft): CallDraft[] => [
  ...(component.calls ?? []),
  ...operationsOf(component).flatMap((o) => o.calls ?? []),
];

/** A fresh operation id within the component: `operation`, `operation-2`, … */
function freshOperationId(component: ComponentDraft): string {
  const taken = new Set(operationsOf(component).map((o) => o.id));
  if (!taken.has('operation')) return 'operation';
  for (let n = 2; ; n++) if (!taken.has(`operation-${n}`)) return `operation-${n}`;
}

/** A new operation; a client's is a request class and starts with the default weight, shown as such. */
export function newOperation(component: ComponentDraft): OperationDraft {
  const count = operationsOf(component).length;
  return { id: freshOperationId(component), name: `Operation ${count + 1}`, calls: [] };
}

/** The component a call list's connection leads to. */
export function targetOfCall(draft: DesignInput, call: Pick<CallDraft, 'connection'>): ComponentDraft | undefined {
  const connection = draft.connections?.find((c) => c.id === call.connection);
  return connection ? draft.components.find((c) => c.id === connection.target) : undefined;
}

/** The operation a call asks for by name: the one it names, else the target's first; null when the target has none. */
export function calledOperation(draft: DesignInput, call: CallDraft): OperationDraft | null {
  const operations = operationsOf(targetOfCall(draft, call));
  if (!operations.length) return null;
  return operations.find((o) => o.id === call.operation) ?? (call.operation === undefined ? operations[0]! : null);
}
