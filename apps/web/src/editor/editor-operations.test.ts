import { describe, expect, it } from 'vitest';
import { checkoutExample, validateDesign, type DesignInput } from '@faultline/schemas';
import { makeStore } from '../app/store.ts';
import { nodeOperations } from './canvas-labels.ts';
import { editorActions as a } from './editor-slice.ts';
import { targetName } from './names.ts';
import { classShares, shareText } from './operations.ts';
import { selectIssues, selectProblems } from './selectors.ts';

// Operations and request classes (SPEC §3.7) in the editor, on the checkout example:
// Users (client) → Checkout API (service) → Orders DB (database), a crash fault on the database.

function editing(design: DesignInput = structuredClone(checkoutExample)) {
  const store = makeStore();
  store.dispatch(a.designLoaded({ id: 'd1', version: 3, design }));
  const draft = () => store.getState().editor.draft!;
  const component = (id: string) => draft().components.find((c) => c.id === id)!;
  return { store, draft, component, issues: () => selectIssues(store.getState()) };
}

const names = (component: { operations?: { name: string }[] | undefined }) => component.operations?.map((o) => o.name);

describe('operations of a component', () => {
  it('the first operation takes the component’s own calls, so the design means what it meant', () => {
    const { store, component, issues } = editing();
    store.dispatch(a.operationAdded({ component: 'api' }));
    expect(component('api').calls).toEqual([]);
    expect(component('api').operations).toEqual([
      { id: 'operation', name: 'Operation 1', calls: [{ connection: 'api-db' }] },
    ]);
    store.dispatch(a.operationAdded({ component: 'api' }));
    expect(component('api').operations![1]).toEqual({ id: 'operation-2', name: 'Operation 2', calls: [] });
    expect(issues()).toEqual([]);
  });

  it('is renamed, given its own service time, reordered and removed, each one step of undo', () => {
    const { store, component } = editing();
    store.dispatch(a.operationAdded({ component: 'api' }));
    store.dispatch(a.operationAdded({ component: 'api' }));
    store.dispatch(a.operationChanged({ component: 'api', operation: 0, field: 'name', value: 'Browse' }));
    store.dispatch(a.operationChanged({ component: 'api', operation: 1, field: 'name', value: 'Checkout' }));
    store.dispatch(
      a.operationChanged({
        component: 'api',
        operation: 1,
        field: 'serviceTime',
        value: { kind: 'constant', value: 30 },
      }),
    );
    store.dispatch(a.operationMoved({ component: 'api', from: 1, to: 0 }));
    expect(names(component('api'))).toEqual(['Checkout', 'Browse']);
    expect(component('api').operations![0]).toMatchObject({ serviceTime: { kind: 'constant', value: 30 } });

    store.dispatch(a.operationRemoved({ component: 'api', operation: 0 }));
    expect(names(component('api'))).toEqual(['Browse']);
    store.dispatch(a.undo());
    expect(names(component('api'))).toEqual(['Checkout', 'Browse']);
    store.dispatch(a.undo());
    expect(names(component('api'))).toEqual(['Browse', 'Checkout']);
    store.dispatch(a.redo());
    expect(names(component('api'))).toEqual(['Checkout', 'Browse']);
  });

  it('removing the last operation gives its calls back to the component; undo brings the operation back', () => {
    const { store, component, issues } = editing();
    store.dispatch(a.operationAdded({ component: 'api' }));
    store.dispatch(a.operationRemoved({ component: 'api', operation: 0 }));
    expect(component('api').operations).toBeUndefined();
    expect(component('api').calls).toEqual([{ connection: 'api-db' }]);
    expect(issues()).toEqual([]);
    store.dispatch(a.undo());
    expect(component('api').calls).toEqual([]);
    expect(names(component('api'))).toEqual(['Operation 1']);
  });

  it('edits, moves and removes the calls of one operation, and connects into it', () => {
    const { store, component, draft } = editing();
    store.dispatch(a.operationAdded({ component: 'api' }));
    store.dispatch(a.operationAdded({ component: 'api' }));
    store.dispatch(a.componentAdded({ kind: 'cache', position: { x: 0, y: 0 } }));
    store.dispatch(a.selectionChanged(['api']));
    store.dispatch(a.connected({ source: 'api', target: 'cache', operation: 1 }));
    store.dispatch(a.connected({ source: 'api', target: 'db', operation: 1 }));
    // Connected from an operation's calls editor, the user stays on the component's panel.
    expect(store.getState().editor.selection).toEqual(['api']);
    expect(component('api').operations!.map((o) => o.calls)).toEqual([
      [{ connection: 'api-db' }],
      [{ connection: 'api-cache' }, { connection: 'api-db' }],
    ]);
    expect(draft().connections!.filter((c) => c.source === 'api')).toHaveLength(2);

    store.dispatch(a.callChanged({ component: 'api', operation: 1, index: 1, field: 'probability', value: 0.5 }));
    store.dispatch(a.callMoved({ component: 'api', operation: 1, from: 1, to: 0 }));
    expect(component('api').operations![1]!.calls).toEqual([
      { connection: 'api-db', probability: 0.5 },
      { connection: 'api-cache' },
    ]);
    store.dispatch(a.callRemoved({ component: 'api', operation: 1, index: 0 }));
    expect(component('api').operations![1]!.calls).toEqual([{ connection: 'api-cache' }]);
    // The first operation's call is untouched by all of it.
    expect(component('api').operations![0]!.calls).toEqual([{ connection: 'api-db' }]);
  });

  it('a connection drawn on the canvas from a component with operations becomes a call of its first', () => {
    const { store, component } = editing();
    store.dispatch(a.operationAdded({ component: 'api' }));
    store.dispatch(a.componentAdded({ kind: 'cache', position: { x: 0, y: 0 } }));
    store.dispatch(a.connected({ source: 'api', target: 'cache' }));
    expect(component('api').calls).toEqual([]);
    expect(component('api').operations![0]!.calls).toEqual([{ connection: 'api-db' }, { connection: 'api-cache' }]);
  });

  it('several operations show on the canvas node; one does not', () => {
    const { store, component } = editing();
    store.dispatch(a.operationAdded({ component: 'api' }));
    expect(nodeOperations(component('api'))).toEqual([]);
    store.dispatch(a.operationAdded({ component: 'api' }));
    expect(nodeOperations(component('api'))).toEqual(['Operation 1', 'Operation 2']);
  });
});

describe('request classes of a client', () => {
  it('each class gets weight / total of the arrivals, the default weight being 1', () => {
    const { store, component, issues } = editing();
    store.dispatch(a.operationAdded({ component: 'users' }));
    store.dispatch(a.operationAdded({ component: 'users' }));
    store.dispatch(a.operationAdded({ component: 'users' }));
    store.dispatch(a.operationChanged({ component: 'users', operation: 0, field: 'weight', value: 6 }));
    store.dispatch(a.operationChanged({ component: 'users', operation: 1, field: 'weight', value: 3 }));
    expect(classShares(component('users')).map((c) => shareText(c.share))).toEqual(['60 %', '30 %', '10 %']);
    expect(nodeOperations(component('users'))).toEqual(['Operation 1 60 %', 'Operation 2 30 %', 'Operation 3 10 %']);
    expect(issues()).toEqual([]);
  });

  it('a weight that is not more than 0 is a problem at its field, and no share is shown', () => {
    const { store, component, issues } = editing();
    store.dispatch(a.operationAdded({ component: 'users' }));
    store.dispatch(a.operationChanged({ component: 'users', operation: 0, field: 'name', value: 'Browse' }));
    store.dispatch(a.operationChanged({ component: 'users', operation: 0, field: 'weight', value: 0 }));
    expect(issues().map((i) => i.path)).toEqual(['/components/0/operations/0/weight']);
    expect(classShares(component('users')).map((c) => c.share)).toEqual([null]);
    expect(selectProblems(store.getState())).toEqual([
      expect.objectContaining({ where: 'Users', field: 'Request class “Browse” · Weight', select: ['users'] }),
    ]);
  });
});

describe('calls and faults that name an operation', () => {
  /** Orders DB with two operations, Read and Write; the API's call asks for Write. */
  function withDatabaseOperations() {
    const editor = editing();
    const { store } = editor;
    store.dispatch(a.operationAdded({ component: 'db' }));
    store.dispatch(a.operationAdded({ component: 'db' }));
    store.dispatch(a.operationChanged({ component: 'db', operation: 0, field: 'name', value: 'Read' }));
    store.dispatch(a.operationChanged({ component: 'db', operation: 1, field: 'name', value: 'Write' }));
    store.dispatch(a.callChanged({ component: 'api', index: 0, field: 'operation', value: 'operation-2' }));
    return editor;
  }

  it('a call asks for one operation of its target; one it does not have is a problem at the call', () => {
    const { store, component, issues } = withDatabaseOperations();
    expect(component('api').calls).toEqual([{ connection: 'api-db', operation: 'operation-2' }]);
    expect(issues()).toEqual([]);
    store.dispatch(a.callChanged({ component: 'api', index: 0, field: 'operation', value: 'nope' }));
    expect(issues().map((i) => i.path)).toEqual(['/components/1/calls/0/operation']);
    expect(selectProblems(store.getState())[0]).toMatchObject({
      where: 'Checkout API',
      field: 'Call to Orders DB · Operation',
      select: ['api'],
    });
  });

  it('a fault acts on one operation of its component, or again on all of them', () => {
    const { store, draft, issues } = withDatabaseOperations();
    store.dispatch(a.faultAdded({ type: 'latency', target: { component: 'db' } }));
    const latency = () => draft().faults![1]!;
    store.dispatch(a.faultOperationChosen({ id: 'latency-db', operation: 'operation-2' }));
    expect(latency().target).toEqual({ component: 'db', operation: 'operation-2' });
    expect(issues()).toEqual([]);
    expect(targetName(draft(), latency().target)).toBe('Orders DB · Write');
    store.dispatch(a.faultOperationChosen({ id: 'latency-db', operation: undefined }));
    expect(latency().target).toEqual({ component: 'db' });
    store.dispatch(a.undo());
    expect(latency().target).toEqual({ component: 'db', operation: 'operation-2' });
  });

  it('a crash on one operation is refused at the fault’s operation, in the schema’s words', () => {
    const { store, issues } = withDatabaseOperations();
    store.dispatch(a.faultOperationChosen({ id: 'db-outage', operation: 'operation-2' }));
    expect(issues()).toEqual([
      { path: '/faults/0/target/operation', message: 'a crash acts on the whole component, not on one operation' },
    ]);
    expect(selectProblems(store.getState())[0]).toMatchObject({
      where: 'Fault “Database brief outage” on Orders DB · Write',
      field: 'Operation',
      select: ['db'],
    });
  });

  it('removing an operation: calls that named it ask for the first, faults on it alone go', () => {
    const { store, draft, component, issues } = withDatabaseOperations();
    store.dispatch(a.faultAdded({ type: 'latency', target: { component: 'db' } }));
    store.dispatch(a.faultOperationChosen({ id: 'latency-db', operation: 'operation-2' }));
    store.dispatch(a.operationRemoved({ component: 'db', operation: 1 }));
    expect(component('api').calls).toEqual([{ connection: 'api-db' }]);
    expect(draft().faults!.map((f) => f.id)).toEqual(['db-outage']);
    expect(issues()).toEqual([]);
    store.dispatch(a.undo());
    expect(component('api').calls).toEqual([{ connection: 'api-db', operation: 'operation-2' }]);
    expect(draft().faults).toHaveLength(2);
  });

  it('removing a request class removes its own SLO targets', () => {
    const design = structuredClone(checkoutExample);
    design.slo = { ...design.slo, classes: { operation: { availability: 0.999 } } };
    const { store, draft, issues } = editing(design);
    store.dispatch(a.operationAdded({ component: 'users' }));
    store.dispatch(a.operationAdded({ component: 'users' }));
    expect(issues()).toEqual([]);
    store.dispatch(a.operationRemoved({ component: 'users', operation: 0 }));
    expect(draft().slo!.classes).toBeUndefined();
    expect(validateDesign(draft()).success).toBe(true);
  });
});

describe('SLO targets of a request class', () => {
  it('are set and cleared per class; a class left with none, and a map left empty, go', () => {
    const { store, draft, issues } = editing();
    store.dispatch(a.operationAdded({ component: 'users' }));
    store.dispatch(a.operationChanged({ component: 'users', operation: 0, field: 'name', value: 'Browse' }));
    store.dispatch(a.classSloTargetChanged({ classId: 'operation', target: 'availability', value: 0.999 }));
    store.dispatch(a.classSloTargetChanged({ classId: 'operation', target: 'p99LatencyMs', value: 250 }));
    expect(draft().slo!.classes).toEqual({ operation: { availability: 0.999, p99LatencyMs: 250 } });
    expect(issues()).toEqual([]);

    store.dispatch(a.classSloTargetChanged({ classId: 'operation', target: 'availability', value: 2 }));
    expect(selectProblems(store.getState())).toEqual([
      expect.objectContaining({ where: 'SLO', field: 'Browse requests · Availability', select: [] }),
    ]);
    store.dispatch(a.classSloTargetChanged({ classId: 'operation', target: 'availability', value: undefined }));
    store.dispatch(a.classSloTargetChanged({ classId: 'operation', target: 'p99LatencyMs', value: undefined }));
    expect(draft().slo!.classes).toBeUndefined();
    store.dispatch(a.undo());
    expect(draft().slo!.classes).toEqual({ operation: { p99LatencyMs: 250 } });
  });

  it('targets for a class the client does not have are a problem, and can be removed', () => {
    const design = structuredClone(checkoutExample);
    design.slo = { ...design.slo, classes: { ghost: { availability: 0.9 } } };
    const { store, draft, issues } = editing(design);
    expect(issues().map((i) => i.path)).toEqual(['/slo/classes/ghost']);
    store.dispatch(a.classSloRemoved('ghost'));
    expect(draft().slo!.classes).toBeUndefined();
    expect(issues()).toEqual([]);
  });
});
