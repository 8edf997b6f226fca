import { describe, expect, it } from 'vitest';
import { checkoutExample, validateDesign, type DesignInput } from '@faultline/schemas';
import { makeStore } from '../app/store.ts';
import { editorActions as a } from './editor-slice.ts';
import { selectIssues, selectIssuesByPart } from './selectors.ts';

function editing(design: DesignInput = structuredClone(checkoutExample)) {
  const store = makeStore();
  store.dispatch(a.designLoaded({ id: 'd1', version: 3, design }));
  return { store, draft: () => store.getState().editor.draft!, editor: () => store.getState().editor };
}

describe('the editor', () => {
  it('builds client → gateway → service → database from the palette into a valid design', () => {
    const { store, draft } = editing({ name: 'new', components: [] } as unknown as DesignInput);
    for (const kind of ['client', 'gateway', 'service', 'database'] as const)
      store.dispatch(a.componentAdded({ kind, position: { x: 0, y: 0 } }));
    store.dispatch(a.connected({ source: 'client', target: 'gateway' }));
    store.dispatch(a.connected({ source: 'gateway', target: 'service' }));
    store.dispatch(a.connected({ source: 'service', target: 'database' }));
    expect(draft().components.map((c) => c.id)).toEqual(['client', 'gateway', 'service', 'database']);
    expect(draft().workload).toMatchObject({ entry: 'client' });
    expect(draft().components.find((c) => c.id === 'service')!.calls).toEqual([{ connection: 'service-database' }]);
    expect(selectIssues(store.getState())).toEqual([]);
    expect(validateDesign(draft()).success).toBe(true);
  });

  it('gives each new part a fresh id and name', () => {
    const { store, draft } = editing();
    store.dispatch(a.componentAdded({ kind: 'service', position: { x: 0, y: 0 } }));
    store.dispatch(a.componentAdded({ kind: 'service', position: { x: 0, y: 0 } }));
    expect(
      draft()
        .components.slice(-2)
        .map((c) => [c.id, c.name]),
    ).toEqual([
      ['service', 'Service 2'],
      ['service-2', 'Service 3'],
    ]); // the checkout already has one service
  });

  it('connects once, never a component to itself', () => {
    const { store, draft } = editing();
    const before = draft().connections!.length;
    store.dispatch(a.connected({ source: 'api', target: 'db' }));
    store.dispatch(a.connected({ source: 'db', target: 'db' }));
    expect(draft().connections!.length).toBe(before);
  });

  it('removing a component removes its connections, the calls over them, its faults and the policies on them', () => {
    const { store, draft } = editing();
    store.dispatch(a.partsRemoved(['db']));
    expect(draft().components.map((c) => c.id)).toEqual(['users', 'api']);
    expect(draft().connections!.map((c) => c.id)).toEqual(['users-api']);
    const api = draft().components.find((c) => c.id === 'api')!;
    expect(api.calls).toEqual([]);
    expect(api.resilience!.map((p) => p.type)).toEqual(['timeout']);
    expect(draft().faults).toEqual([]);
    expect(selectIssues(store.getState())).toEqual([]);
  });

  it('undoes a whole drag in one step, and redoes it', () => {
    const { store, draft, editor } = editing();
    for (const x of [10, 20, 30]) store.dispatch(a.componentDragged({ id: 'api', position: { x, y: 5 } }));
    store.dispatch(a.componentDropped());
    expect(draft().components[1]!.position).toEqual({ x: 30, y: 5 });
    expect(editor().dirty).toBe(true);
    store.dispatch(a.undo());
    expect(draft().components[1]!.position).toEqual(checkoutExample.components[1]!.position);
    store.dispatch(a.redo());
    expect(draft().components[1]!.position).toEqual({ x: 30, y: 5 });
  });

  it('shows an invalid value as a problem on its field and a badge on its component, and saving clears dirty', () => {
    const { store, editor } = editing();
    store.dispatch(a.componentChanged({ id: 'api', field: 'replicas', value: 0 }));
    const issues = selectIssues(store.getState());
    expect(issues.map((i) => i.path)).toEqual(['/components/1/replicas']);
    expect([...selectIssuesByPart(store.getState()).keys()]).toEqual(['api']);
    store.dispatch(a.componentChanged({ id: 'api', field: 'replicas', value: 2 }));
    expect(selectIssues(store.getState())).toEqual([]);
    store.dispatch(a.designSaved({ version: 4, revision: editor().revision }));
    expect(editor()).toMatchObject({ version: 4, dirty: false });
  });

  it('adds a crash fault and a circuit breaker that the design accepts', () => {
    const { store, draft } = editing();
    store.dispatch(a.faultAdded({ type: 'crash', target: { component: 'api' } }));
    store.dispatch(a.policyAdded({ component: 'api', type: 'circuit-breaker', connection: 'api-db' }));
    expect(draft().faults!.map((f) => f.id)).toEqual(['db-outage', 'crash-api']);
    expect(draft().faults![1]).toMatchObject({
      name: 'crash on Checkout API',
      schedule: { startMs: 10_000, durationMs: 10_000 },
    });
    expect(draft().components[1]!.resilience!.at(-1)).toMatchObject({ type: 'circuit-breaker', connection: 'api-db' });
    expect(selectIssues(store.getState())).toEqual([]);
  });
});

describe('undo and redo', () => {
  it('a new edit after undo clears redo', () => {
    const { store, draft, editor } = editing();
    store.dispatch(a.designRenamed('first'));
    store.dispatch(a.designRenamed('second'));
    store.dispatch(a.undo());
    expect(draft().name).toBe('first');
    expect(editor().future).toHaveLength(1);

    store.dispatch(a.componentChanged({ id: 'api', field: 'replicas', value: 3 }));
    expect(editor().future).toEqual([]);
    store.dispatch(a.redo());
    // Redo has nothing to bring back: "second" no longer follows from this draft.
    expect(draft().name).toBe('first');
    expect(draft().components[1]).toMatchObject({ replicas: 3 });
    store.dispatch(a.undo());
    expect(draft().components[1]).toMatchObject({ replicas: 2 });
    expect(draft().name).toBe('first');
  });

  it('a refetch keeps the edits, a newer version included (held as theirs); with no edits a newer version replaces the draft', () => {
    const { store, draft, editor } = editing();
    store.dispatch(a.designRenamed('edited'));
    store.dispatch(a.designFetched({ id: 'd1', version: 3, design: structuredClone(checkoutExample) }));
    expect(draft().name).toBe('edited');
    store.dispatch(a.designFetched({ id: 'd1', version: 4, design: structuredClone(checkoutExample) }));
    expect(draft().name).toBe('edited');
    expect(editor()).toMatchObject({ version: 3, dirty: true, theirs: { version: 4 } });

    const clean = editing();
    clean.store.dispatch(a.designFetched({ id: 'd1', version: 4, design: { ...checkoutExample, name: 'theirs' } }));
    expect(clean.draft().name).toBe('theirs');
  });
});
