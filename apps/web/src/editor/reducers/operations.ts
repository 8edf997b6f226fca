import type { PayloadAction } from '@reduxjs/toolkit';
import type { DesignInput } from '@faultline/schemas';
import type { OperationAt, OperationChange } from '../draft.ts';
import { assign, remember, type EditorState } from '../editor-state.ts';
import { everyCallOf, newOperation, targetOfCall } from '../operations.ts';

const componentIn = (draft: DesignInput | null, id: string) => draft?.components.find((c) => c.id === id);
const operationIn = (draft: DesignInput | null, { component, operation }: OperationAt) =>
  componentIn(draft, component)?.operations?.[operation];

/**
 * What hangs on an operation that goes: calls that named it ask for their target's first operation
 * from now on (the call itself still makes sense), faults that acted on it alone go (as a removed
 * component's faults do: widening one to the whole component would change what it tests), and so
 * does its per-class SLO.
 */
function forgetOperation(draft: DesignInput, componentId: string, operationId: string) {
  for (const component of draft.components)
    for (const call of everyCallOf(component))
      if (call.operation === operationId && targetOfCall(draft, call)?.id === componentId) delete call.operation;
  draft.faults = (draft.faults ?? []).filter(
    (f) => !('component' in f.target && f.target.component === componentId && f.target.operation === operationId),
  );
  const slo = draft.slo;
  if (draft.workload?.entry !== componentId || !slo?.classes) return;
  delete slo.classes[operationId];
  if (!Object.keys(slo.classes).length) delete slo.classes;
}

/** A component's operations (SPEC §3.7); on a client, the workload's request classes. */
export const operationReducers = {
  /**
   * A new operation, last in the list. The first one takes the component's own calls: a component
   * with operations must have none of its own, and its implicit operation was exactly those calls,
   * so the design means what it meant until the user makes the operations differ.
   */
  operationAdded(state: EditorState, action: PayloadAction<{ component: string }>) {
    const component = componentIn(state.draft, action.payload.component);
    if (!component) return;
    remember(state);
    const operation = newOperation(component);
    if (!component.operations?.length) {
      operation.calls = component.calls ?? [];
      component.calls = [];
    }
    component.operations = [...(component.operations ?? []), operation];
  },
  /** Its name, its own service time (`undefined`: the component's), or a request class's weight. */
  operationChanged(state: EditorState, action: PayloadAction<OperationAt & OperationChange>) {
    const operation = operationIn(state.draft, action.payload);
    if (!operation) return;
    remember(state);
    assign(operation, action.payload.field, action.payload.value);
  },
  /** Moved in the list: the first operation is the one a call that names none asks for. */
  operationMoved(state: EditorState, action: PayloadAction<{ component: string; from: number; to: number }>) {
    const { component: id, from, to } = action.payload;
    const operations = componentIn(state.draft, id)?.operations;
    if (!operations || from === to || !operations[from] || to < 0 || to >= operations.length) return;
    remember(state);
    const [operation] = operations.splice(from, 1);
    operations.splice(to, 0, operation!);
  },
  /** The last one removed gives its calls back to the component: one implicit operation again. */
  operationRemoved(state: EditorState, action: PayloadAction<OperationAt>) {
    const { component: id, operation: index } = action.payload;
    if (!operationIn(state.draft, action.payload)) return;
    const draft = remember(state);
    const component = componentIn(draft, id)!;
    const [removed] = component.operations!.splice(index, 1);
    if (!component.operations!.length) {
      component.calls = removed!.calls ?? [];
      delete component.operations;
    }
    forgetOperation(draft, id, removed!.id);
  },
};
