import { describe, expect, it } from 'vitest';
import { checkoutExample, type DesignInput } from '@faultline/schemas';
import { makeStore } from '../app/store.ts';
import { editorActions as a } from './editor-slice.ts';
import { describeRemoval } from './removal.ts';
import { selectCallLoop, selectProblems } from './selectors.ts';

function editing(design: DesignInput = structuredClone(checkoutExample)) {
  const store = makeStore();
  store.dispatch(a.designLoaded({ id: 'd1', version: 2, design }));
  return { store, draft: () => store.getState().editor.draft!, editor: () => store.getState().editor };
}

describe('problems in words', () => {
  it('a loop of calls is named, its connections marked, and the newest connection is what to select', () => {
    const { store } = editing();
    store.dispatch(a.connected({ source: 'db', target: 'api' }));
    expect(selectCallLoop(store.getState())).toEqual({
      connections: ['api-db', 'db-api'],
      names: ['Checkout API', 'Orders DB', 'Checkout API'],
    });
    expect(selectProblems(store.getState())).toEqual([
      {
        path: '/connections/2',
        where: 'Orders DB → Checkout API',
        field: '',
        message: 'Calls form a loop: Checkout API → Orders DB → Checkout API',
        select: ['db-api'],
      },
    ]);
  });

  it('an async connection closes no loop', () => {
    const { store } = editing();
    store.dispatch(a.connected({ source: 'db', target: 'api' }));
    store.dispatch(a.connectionChanged({ id: 'db-api', field: 'mode', value: 'async' }));
    expect(selectCallLoop(store.getState())).toBeNull();
    expect(selectProblems(store.getState())).toEqual([]);
  });

  it('names the component and the field, or the design section, and what to select', () => {
    const { store } = editing();
    store.dispatch(a.componentChanged({ id: 'api', field: 'replicas', value: 0 }));
    store.dispatch(a.arrivalChanged({ field: 'ratePerSecond', value: 'lots' }));
    store.dispatch(
      a.policyParamsChanged({ component: 'api', list: 'resilience', index: 1, params: { maxAttempts: 0 } }),
    );
    const problems = selectProblems(store.getState()).map(({ where, field, select }) => ({ where, field, select }));
    expect(problems).toEqual(
      expect.arrayContaining([
        { where: 'Checkout API', field: 'Replicas', select: ['api'] },
        { where: 'Checkout API', field: 'retry policy · Max attempts', select: ['api'] },
        { where: 'Workload', field: 'Arrival rate', select: [] },
      ]),
    );
    expect(problems).toHaveLength(3);
  });
});

describe('a delete that takes more than the selection', () => {
  it('is one step of undo, and says what else went', () => {
    const { store, draft, editor } = editing();
    const before = structuredClone(draft());
    store.dispatch(a.partsRemoved(['db']));
    expect(editor().removal).toEqual({ deleted: ['Orders DB'], connections: 1, faults: 1, policies: 1 });
    expect(describeRemoval(editor().removal!)).toBe('also removes 1 fault, 1 connection, 1 policy');
    store.dispatch(a.undo());
    expect(draft()).toEqual(before);
    expect(editor().removal).toBeNull();
  });

  it('a plain delete says nothing more', () => {
    const { store, editor } = editing();
    store.dispatch(a.faultRemoved('db-outage'));
    store.dispatch(a.partsRemoved(['users-api']));
    expect(editor().removal).toBeNull();
  });
});
