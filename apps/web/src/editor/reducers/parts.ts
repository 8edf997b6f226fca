import { current, type PayloadAction } from '@reduxjs/toolkit';
import type { ComponentKind, DesignInput } from '@faultline/schemas';
import type { CallChange, CallsAt, ComponentChange, ConnectionChange, Position } from '../draft.ts';
import { assign, changed, remember, type EditorState, type RemovalNotice } from '../editor-state.ts';
import { connectionName } from '../names.ts';
import { freshId, newComponent, newWorkload } from '../new-parts.ts';
import { callListOf, everyCallOf, operationsOf } from '../operations.ts';

const componentIn = (draft: DesignInput | null, id: string) => draft?.components.find((c) => c.id === id);

/** The call list at `at`, if its component (and operation) exist; read only, so a no-op stays one. */
const callsIn = (draft: DesignInput | null, at: CallsAt) => {
  const component = componentIn(draft, at.component);
  return at.operation === undefined ? component?.calls : component?.operations?.[at.operation]?.calls;
};

/**
 * Removes the components and connections and everything that hangs on them: the connections of
 * removed components, the calls over removed connections, the policies on them and the faults
 * targeting any of them. Answers what went beyond what was asked for.
 */
function removeParts(
  draft: DesignInput,
  componentIds: Set<string>,
  connectionIds: Set<string>,
): Omit<RemovalNotice, 'deleted'> {
  const asked = connectionIds.size;
  const connections = draft.connections ?? [];
  for (const c of connections) if (componentIds.has(c.source) || componentIds.has(c.target)) connectionIds.add(c.id);
  const faultsBefore = draft.faults?.length ?? 0;
  let policies = 0;
  draft.components = draft.components.filter((c) => !componentIds.has(c.id));
  draft.connections = connections.filter((c) => !connectionIds.has(c.id));
  for (const component of draft.components) {
    component.calls = (component.calls ?? []).filter((call) => !connectionIds.has(call.connection));
    for (const operation of operationsOf(component))
      operation.calls = (operation.calls ?? []).filter((call) => !connectionIds.has(call.connection));
    if (!component.resilience) continue;
    const kept = component.resilience.filter((p) => !p.connection || !connectionIds.has(p.connection));
    policies += component.resilience.length - kept.length;
    component.resilience = kept;
  }
  draft.faults = (draft.faults ?? []).filter((f) =>
    'component' in f.target ? !componentIds.has(f.target.component) : !connectionIds.has(f.target.connection),
  );
  return {
    connections: connectionIds.size - asked,
    faults: faultsBefore - draft.faults.length,
    policies,
  };
}

/** Components, the connections between them, and the calls each makes over its connections. */
export const partReducers = {
  componentAdded(state: EditorState, action: PayloadAction<{ kind: ComponentKind; position: Position }>) {
    const draft = remember(state);
    const component = newComponent(draft, action.payload.kind, action.payload.position);
    draft.components.push(component);
    // The first client drives the workload until the user says otherwise.
    if (component.kind === 'client' && !draft.workload) draft.workload = newWorkload(component.id);
    state.selection = [component.id];
  },
  /** While dragging: the canvas follows, history waits for the drop. */
  componentDragged(state: EditorState, action: PayloadAction<{ id: string; position: Position }>) {
    state.dragOrigin ??= current(state.draft!);
    const component = componentIn(state.draft, action.payload.id);
    if (component) component.position = action.payload.position;
  },
  componentDropped(state: EditorState) {
    if (!state.dragOrigin) return;
    state.past.push(state.dragOrigin);
    state.dragOrigin = null;
    state.future = [];
    changed(state);
  },
  /** One field of a component, as entered; `undefined` removes it (its default applies). */
  componentChanged(state: EditorState, action: PayloadAction<ComponentChange>) {
    const component = componentIn(state.draft, action.payload.id);
    if (!component) return;
    remember(state);
    assign(component, action.payload.field, action.payload.value);
  },
  /**
   * The user connected `source` to `target`: a connection between them (once) and a call over it
   * (again, if the calls over it were removed). The call goes into `operation` when one is named
   * (its calls editor), else into the first operation of a caller that has operations (dragging on
   * the canvas), else into the caller's own calls.
   */
  connected(state: EditorState, action: PayloadAction<{ source: string; target: string; operation?: number }>) {
    const { source, target, operation } = action.payload;
    const caller = componentIn(state.draft, source);
    if (!caller || source === target || !componentIn(state.draft, target)) return;
    const into = operation ?? (operationsOf(caller).length ? 0 : undefined);
    if (into !== undefined && !caller.operations?.[into]) return;
    const existing = state.draft!.connections?.find((c) => c.source === source && c.target === target);
    // From the canvas, a call over the connection anywhere in the caller is enough; from an
    // operation's calls editor, that operation may make its own.
    const calling = operation === undefined ? everyCallOf(caller) : (caller.operations?.[operation]?.calls ?? []);
    if (existing && calling.some((call) => call.connection === existing.id)) return;
    const draft = remember(state);
    const id = existing?.id ?? freshId(draft, `${source}-${target}`.slice(0, 64));
    // A new connection takes the schema's mode and latency, shown as such in its properties.
    if (!existing) draft.connections = [...(draft.connections ?? []), { id, source, target }];
    callListOf(caller, into)!.push({ connection: id });
    // Connected from an operation's calls: the user stays among that component's operations.
    if (operation === undefined) state.selection = [id];
  },
  connectionChanged(state: EditorState, action: PayloadAction<ConnectionChange>) {
    const connection = state.draft?.connections?.find((c) => c.id === action.payload.id);
    if (!connection) return;
    remember(state);
    assign(connection, action.payload.field, action.payload.value);
  },
  callChanged(state: EditorState, action: PayloadAction<CallsAt & { index: number } & CallChange>) {
    const { index, field, value } = action.payload;
    const call = callsIn(state.draft, action.payload)?.[index];
    if (!call) return;
    remember(state);
    // No group, and "not only on a miss", are what an absent field means: the field goes.
    const entered =
      field === 'parallelGroup' ? value.trim() || undefined : field === 'onMiss' ? value || undefined : value;
    assign(call, field, entered);
  },
  /** A call moved to another place in its list's order. */
  callMoved(state: EditorState, action: PayloadAction<CallsAt & { from: number; to: number }>) {
    const { from, to } = action.payload;
    const calls = callsIn(state.draft, action.payload);
    if (!calls || from === to || !calls[from] || to < 0 || to >= calls.length) return;
    remember(state);
    const [call] = calls.splice(from, 1);
    calls.splice(to, 0, call!);
  },
  /** The component stops making the call; the connection stays, to call over again. */
  callRemoved(state: EditorState, action: PayloadAction<CallsAt & { index: number }>) {
    const calls = callsIn(state.draft, action.payload);
    if (!calls?.[action.payload.index]) return;
    remember(state);
    calls.splice(action.payload.index, 1);
  },
  partsRemoved(state: EditorState, action: PayloadAction<string[]>) {
    const ids = new Set(action.payload);
    const draft = state.draft!;
    const components = new Set(draft.components.filter((c) => ids.has(c.id)).map((c) => c.id));
    const connections = new Set((draft.connections ?? []).filter((c) => ids.has(c.id)).map((c) => c.id));
    if (!components.size && !connections.size) return;
    const deleted = [
      ...draft.components.filter((c) => components.has(c.id)).map((c) => c.name),
      ...(draft.connections ?? []).filter((c) => connections.has(c.id)).map((c) => connectionName(draft, c)),
    ];
    const removal = removeParts(remember(state), components, connections);
    // Only a delete that took more than the selection needs a word (and its Undo).
    state.removal = removal.connections + removal.faults + removal.policies > 0 ? { deleted, ...removal } : null;
    state.selection = [];
  },
};
