import { createSlice, current, type PayloadAction } from '@reduxjs/toolkit';
import type { ComponentKind, DesignInput } from '@faultline/schemas';

type ComponentDraft = DesignInput['components'][number];
type ConnectionDraft = NonNullable<DesignInput['connections']>[number];
type Position = { x: number; y: number };
export type FaultDraft = NonNullable<DesignInput['faults']>[number];
export type PolicyDraft = NonNullable<ComponentDraft['resilience']>[number];
export type InboundDraft = NonNullable<Extract<ComponentDraft, { kind: 'service' }>['inbound']>[number];
type PolicyList = 'resilience' | 'inbound';

/** A component's list of outgoing policies or inbound guards, created when absent. */
function policies(
  draft: DesignInput,
  { component, list = 'resilience' }: { component: string; list?: PolicyList },
): unknown[] | undefined {
  const found = draft.components.find((c) => c.id === component) as Record<string, unknown> | undefined;
  if (!found) return undefined;
  found[list] ??= [];
  return found[list] as unknown[];
}

/** The design being edited: kept apart from React so every rule here is tested without a browser. */
export interface EditorState {
  designId: string | null;
  /** The version the draft was loaded or last saved at: sent with the next save. */
  version: number;
  draft: DesignInput | null;
  selection: string[];
  past: DesignInput[];
  future: DesignInput[];
  /** The draft before a drag began: a drag is one step of undo, not one per pixel. */
  dragOrigin: DesignInput | null;
  dirty: boolean;
}

const HISTORY_LIMIT = 100;

export const initialEditorState: EditorState = {
  designId: null,
  version: 0,
  draft: null,
  selection: [],
  past: [],
  future: [],
  dragOrigin: null,
  dirty: false,
};

const NAMES: Record<ComponentKind, string> = {
  client: 'Clients',
  gateway: 'Gateway',
  service: 'Service',
  database: 'Database',
  cache: 'Cache',
  queue: 'Queue',
  external: 'External API',
};

/** A fresh slug for a new part: `service`, `service-2`, … */
function freshId(draft: DesignInput, base: string): string {
  const taken = new Set([
    ...draft.components.map((c) => c.id),
    ...(draft.connections ?? []).map((c) => c.id),
    ...(draft.faults ?? []).map((f) => f.id),
  ]);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Records the draft as it is before a change, so undo can bring it back. */
function remember(state: EditorState): DesignInput {
  const draft = state.draft!;
  state.past.push(current(draft));
  if (state.past.length > HISTORY_LIMIT) state.past.shift();
  state.future = [];
  state.dirty = true;
  return draft;
}

function removeParts(draft: DesignInput, componentIds: Set<string>, connectionIds: Set<string>): void {
  const connections = draft.connections ?? [];
  for (const c of connections) if (componentIds.has(c.source) || componentIds.has(c.target)) connectionIds.add(c.id);
  draft.components = draft.components.filter((c) => !componentIds.has(c.id));
  draft.connections = connections.filter((c) => !connectionIds.has(c.id));
  for (const component of draft.components) {
    component.calls = (component.calls ?? []).filter((call) => !connectionIds.has(call.connection));
    if (component.resilience)
      component.resilience = component.resilience.filter(
        (p) => !('connection' in p) || !p.connection || !connectionIds.has(p.connection),
      );
  }
  draft.faults = (draft.faults ?? []).filter((f) =>
    'component' in f.target ? !componentIds.has(f.target.component) : !connectionIds.has(f.target.connection),
  );
}

export const editorSlice = createSlice({
  name: 'editor',
  initialState: initialEditorState,
  reducers: {
    designLoaded(state, action: PayloadAction<{ id: string; version: number; design: DesignInput }>) {
      return {
        ...initialEditorState,
        designId: action.payload.id,
        version: action.payload.version,
        draft: action.payload.design,
      };
    },
    designSaved(state, action: PayloadAction<{ version: number }>) {
      state.version = action.payload.version;
      state.dirty = false;
    },
    componentAdded(state, action: PayloadAction<{ kind: ComponentKind; position: Position }>) {
      const draft = remember(state);
      const { kind, position } = action.payload;
      const id = freshId(draft, kind === 'external' ? 'external-api' : kind);
      const count = draft.components.filter((c) => c.kind === kind).length;
      draft.components.push({
        id,
        kind,
        name: count ? `${NAMES[kind]} ${count + 1}` : NAMES[kind],
        position,
        calls: [],
      } as ComponentDraft);
      // The first client drives the workload until the user says otherwise.
      if (kind === 'client' && !draft.workload)
        draft.workload = { entry: id, arrival: { kind: 'poisson', ratePerSecond: 100 } };
      state.selection = [id];
    },
    /** While dragging: the canvas follows, history waits for the drop. */
    componentDragged(state, action: PayloadAction<{ id: string; position: Position }>) {
      state.dragOrigin ??= current(state.draft!);
      const component = state.draft!.components.find((c) => c.id === action.payload.id);
      if (component) component.position = action.payload.position;
    },
    componentDropped(state) {
      if (!state.dragOrigin) return;
      state.past.push(state.dragOrigin);
      state.dragOrigin = null;
      state.future = [];
      state.dirty = true;
    },
    /** A connection from `source` to `target`, and a call that uses it on the source. */
    connected(state, action: PayloadAction<{ source: string; target: string }>) {
      const { source, target } = action.payload;
      if (source === target) return;
      const connections = state.draft!.connections ?? [];
      if (connections.some((c) => c.source === source && c.target === target)) return;
      const draft = remember(state);
      const id = freshId(draft, `${source}-${target}`.slice(0, 64));
      draft.connections = [
        ...connections,
        { id, source, target, mode: 'sync', latency: { kind: 'constant', value: 1 } },
      ];
      const caller = draft.components.find((c) => c.id === source)!;
      caller.calls = [...(caller.calls ?? []), { connection: id }];
      state.selection = [id];
    },
    partsRemoved(state, action: PayloadAction<string[]>) {
      const ids = new Set(action.payload);
      const draft = state.draft!;
      const components = new Set(draft.components.filter((c) => ids.has(c.id)).map((c) => c.id));
      const connections = new Set((draft.connections ?? []).filter((c) => ids.has(c.id)).map((c) => c.id));
      if (!components.size && !connections.size) return;
      removeParts(remember(state), components, connections);
      state.selection = [];
    },
    /** One field of a component; `undefined` removes it (its default applies). */
    componentChanged(state, action: PayloadAction<{ id: string; field: string; value: unknown }>) {
      const draft = remember(state);
      const component = draft.components.find((c) => c.id === action.payload.id) as Record<string, unknown> | undefined;
      if (!component) return;
      if (action.payload.value === undefined) delete component[action.payload.field];
      else component[action.payload.field] = action.payload.value;
    },
    /** The component's calls as a whole: their order, groups, probabilities. */
    callsChanged(state, action: PayloadAction<{ component: string; calls: NonNullable<ComponentDraft['calls']> }>) {
      const component = remember(state).components.find((c) => c.id === action.payload.component);
      if (component) component.calls = action.payload.calls;
    },
    connectionChanged(state, action: PayloadAction<{ id: string; field: keyof ConnectionDraft; value: unknown }>) {
      const draft = remember(state);
      const connection = (draft.connections ?? []).find((c) => c.id === action.payload.id) as
        Record<string, unknown> | undefined;
      if (connection) connection[action.payload.field] = action.payload.value;
    },
    designChanged(
      state,
      action: PayloadAction<Partial<Pick<DesignInput, 'name' | 'description' | 'workload' | 'slo'>>>,
    ) {
      Object.assign(remember(state), action.payload);
    },
    faultAdded(state, action: PayloadAction<Omit<FaultDraft, 'id'>>) {
      const draft = remember(state);
      const target =
        'component' in action.payload.target ? action.payload.target.component : action.payload.target.connection;
      const id = freshId(draft, `${action.payload.type}-${target}`.slice(0, 64));
      draft.faults = [...(draft.faults ?? []), { ...action.payload, id } as FaultDraft];
    },
    faultChanged(state, action: PayloadAction<FaultDraft>) {
      const draft = remember(state);
      draft.faults = (draft.faults ?? []).map((f) => (f.id === action.payload.id ? action.payload : f));
    },
    faultRemoved(state, action: PayloadAction<string>) {
      const draft = remember(state);
      draft.faults = (draft.faults ?? []).filter((f) => f.id !== action.payload);
    },
    /** `list`: the component's outgoing `resilience` (the default) or its `inbound` guards. */
    policyAdded(
      state,
      action: PayloadAction<{ component: string; policy: PolicyDraft | InboundDraft; list?: PolicyList }>,
    ) {
      const list = policies(remember(state), action.payload);
      list?.push(action.payload.policy);
    },
    policyChanged(
      state,
      action: PayloadAction<{
        component: string;
        index: number;
        policy: PolicyDraft | InboundDraft;
        list?: PolicyList;
      }>,
    ) {
      const list = policies(remember(state), action.payload);
      if (list) list[action.payload.index] = action.payload.policy;
    },
    policyRemoved(state, action: PayloadAction<{ component: string; index: number; list?: PolicyList }>) {
      policies(remember(state), action.payload)?.splice(action.payload.index, 1);
    },
    selectionToggled(state, action: PayloadAction<{ id: string; selected: boolean }[]>) {
      const selected = new Set(state.selection);
      for (const { id, selected: on } of action.payload) {
        if (on) selected.add(id);
        else selected.delete(id);
      }
      state.selection = [...selected];
    },
    selectionChanged(state, action: PayloadAction<string[]>) {
      state.selection = action.payload;
    },
    undo(state) {
      const previous = state.past.pop();
      if (!previous) return;
      state.future.push(state.draft!);
      state.draft = previous;
      state.dirty = true;
    },
    redo(state) {
      const next = state.future.pop();
      if (!next) return;
      state.past.push(state.draft!);
      state.draft = next;
      state.dirty = true;
    },
  },
});

export const editorActions = editorSlice.actions;
