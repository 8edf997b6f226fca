import { describe, expect, it } from 'vitest';
import {
  checkoutExample,
  FAULT_TARGETS,
  FAULT_TYPES,
  discriminatorValues,
  InboundPolicySchema,
  OutgoingPolicySchema,
  validateDesign,
  type DesignInput,
} from '@faultline/schemas';
import { makeStore } from '../app/store.ts';
import { editorActions as a } from './editor-slice.ts';
import { selectIssues, selectSelectedPart } from './selectors.ts';

function editing(design: DesignInput = structuredClone(checkoutExample)) {
  const store = makeStore();
  store.dispatch(a.designLoaded({ id: 'd1', version: 3, design }));
  const draft = () => store.getState().editor.draft!;
  const api = () => draft().components.find((c) => c.id === 'api')!;
  return { store, draft, api, issues: () => selectIssues(store.getState()) };
}

describe('faults built by the editor', () => {
  it.each(FAULT_TYPES)('a new %s fault is valid on every target its type accepts', (type) => {
    const { store, draft, issues } = editing();
    // The checkout's api-db connection made async, so reorder has somewhere to go.
    store.dispatch(a.connectionChanged({ id: 'api-db', field: 'mode', value: 'async' }));
    if (FAULT_TARGETS[type].component) store.dispatch(a.faultAdded({ type, target: { component: 'db' } }));
    if (FAULT_TARGETS[type].connection) store.dispatch(a.faultAdded({ type, target: { connection: 'api-db' } }));
    expect(draft().faults!.filter((f) => f.type === type).length).toBeGreaterThan(0);
    expect(issues()).toEqual([]);
  });

  it("a preset's faults arrive under fresh ids, and one undo takes them all back", () => {
    const { store, draft } = editing();
    const preset = [
      { id: 'x', name: 'one', type: 'crash' as const, target: { component: 'db' } },
      { id: 'x', name: 'two', type: 'crash' as const, target: { component: 'db' } },
    ];
    store.dispatch(a.presetFaultsAdded(preset));
    expect(draft().faults!.map((f) => f.id)).toEqual(['db-outage', 'crash-db', 'crash-db-2']);
    store.dispatch(a.undo());
    expect(draft().faults!.map((f) => f.id)).toEqual(['db-outage']);
  });

  it('edits a fault by events: renamed, switched off, its schedule and parameters', () => {
    const { store, draft, issues } = editing();
    store.dispatch(a.faultRenamed({ id: 'db-outage', name: 'DB down' }));
    store.dispatch(a.faultToggled({ id: 'db-outage', enabled: false }));
    store.dispatch(a.faultScheduleChanged({ id: 'db-outage', field: 'durationMs', value: null }));
    store.dispatch(a.faultScheduleChanged({ id: 'db-outage', field: 'ramp', value: { from: 0, to: 1 } }));
    store.dispatch(a.faultParamsChanged({ id: 'db-outage', params: { mode: 'hang' } }));
    expect(draft().faults![0]).toMatchObject({
      name: 'DB down',
      enabled: false,
      schedule: { startMs: 20_000, durationMs: null, ramp: { from: 0, to: 1 } },
      params: { mode: 'hang' },
    });
    // A ramp needs a finite window (a design rule), and the schema says so under the field.
    expect(issues().map((i) => i.path)).toEqual(['/faults/0/schedule/ramp']);
  });
});

describe('resilience built by the editor', () => {
  it.each(discriminatorValues(OutgoingPolicySchema, 'type'))('a new %s on a connection is valid', (type) => {
    const { store, api, issues } = editing({
      ...structuredClone(checkoutExample),
      components: checkoutExample.components.map((c) => ({ ...c, resilience: [] })),
    });
    store.dispatch(a.policyAdded({ component: 'api', type, connection: 'api-db' }));
    expect(api().resilience).toMatchObject([{ type, connection: 'api-db' }]);
    expect(issues()).toEqual([]);
  });

  it.each(discriminatorValues(InboundPolicySchema, 'type'))('a new %s guard is valid; a client takes none', (type) => {
    const { store, draft, api, issues } = editing();
    store.dispatch(a.guardAdded({ component: 'api', type }));
    store.dispatch(a.guardAdded({ component: 'users', type }));
    expect(api()).toMatchObject({ inbound: [{ type }] });
    expect(draft().components[0]).not.toHaveProperty('inbound');
    expect(issues()).toEqual([]);
  });

  it('changes and removes a policy by its place in its list', () => {
    const { store, api } = editing();
    store.dispatch(
      a.policyParamsChanged({ component: 'api', list: 'resilience', index: 0, params: { timeoutMs: 50 } }),
    );
    expect(api().resilience![0]).toEqual({ type: 'timeout', params: { timeoutMs: 50 } });
    store.dispatch(a.policyRemoved({ component: 'api', list: 'resilience', index: 0 }));
    expect(api().resilience!.map((p) => p.type)).toEqual(['retry']);
  });
});

describe('calls', () => {
  /** The checkout's api, calling the database and then a cache. */
  function twoCalls() {
    const editor = editing();
    editor.store.dispatch(a.componentAdded({ kind: 'cache', position: { x: 0, y: 0 } }));
    editor.store.dispatch(a.connected({ source: 'api', target: 'cache' }));
    return editor;
  }

  it('moves a call within its component, and only within its list', () => {
    const { store, api } = twoCalls();
    store.dispatch(a.callMoved({ component: 'api', from: 1, to: 0 }));
    expect(api().calls!.map((c) => c.connection)).toEqual(['api-cache', 'api-db']);
    store.dispatch(a.callMoved({ component: 'api', from: 1, to: 2 }));
    expect(api().calls!.map((c) => c.connection)).toEqual(['api-cache', 'api-db']);
  });

  it('removes a call and keeps its connection; connecting again makes the call again', () => {
    const { store, draft, api } = twoCalls();
    store.dispatch(a.callRemoved({ component: 'api', index: 0 }));
    expect(api().calls!.map((c) => c.connection)).toEqual(['api-cache']);
    expect(draft().connections!.map((c) => c.id)).toContain('api-db');
    store.dispatch(a.connected({ source: 'api', target: 'db' }));
    expect(api().calls!.map((c) => c.connection)).toEqual(['api-cache', 'api-db']);
    expect(draft().connections!.filter((c) => c.target === 'db')).toHaveLength(1);
  });

  it('a call edited to its defaults loses the field', () => {
    const { store, api } = twoCalls();
    store.dispatch(a.callChanged({ component: 'api', index: 0, field: 'parallelGroup', value: ' reads ' }));
    store.dispatch(a.callChanged({ component: 'api', index: 1, field: 'parallelGroup', value: 'reads' }));
    expect(api().calls!.map((c) => c.parallelGroup)).toEqual(['reads', 'reads']);
    store.dispatch(a.callChanged({ component: 'api', index: 0, field: 'parallelGroup', value: '' }));
    expect(api().calls![0]).toEqual({ connection: 'api-db' });
  });
});

describe('workload and SLO', () => {
  it('an arrival switched to a closed loop and back keeps nothing stale', () => {
    const { store, draft, issues } = editing();
    store.dispatch(a.profilePhaseAdded('ramp'));
    store.dispatch(a.arrivalKindChanged('closed'));
    // A rate profile shapes open arrivals only: it goes with them.
    expect(draft().workload).toEqual({
      entry: 'users',
      arrival: { kind: 'closed', users: 50, thinkTime: { kind: 'exponential', mean: 1000 } },
    });
    expect(issues()).toEqual([]);
    store.dispatch(a.arrivalKindChanged('constant'));
    expect(draft().workload.arrival).toEqual({ kind: 'constant', ratePerSecond: 100 });
    store.dispatch(a.arrivalChanged({ field: 'ratePerSecond', value: 250 }));
    store.dispatch(a.arrivalKindChanged('poisson'));
    expect(draft().workload.arrival).toEqual({ kind: 'poisson', ratePerSecond: 250 });
  });

  it('a design without a workload gets one from its first workload edit', () => {
    const { store, draft } = editing({ name: 'new', components: [] } as unknown as DesignInput);
    store.dispatch(a.componentAdded({ kind: 'client', position: { x: 0, y: 0 } }));
    store.dispatch(a.workloadChanged({ field: 'clientTimeoutMs', value: 5000 }));
    expect(draft().workload).toEqual({
      entry: 'client',
      arrival: { kind: 'poisson', ratePerSecond: 100 },
      clientTimeoutMs: 5000,
    });
  });

  it('an SLO target switched off is null; a preset sets its three targets and keeps the others', () => {
    const { store, draft } = editing();
    store.dispatch(a.sloTargetChanged({ target: 'mttrMs', value: null }));
    store.dispatch(a.sloPresetApplied('development'));
    expect(draft().slo).toEqual({ ...checkoutExample.slo, mttrMs: 60_000, errorRate: 0.1, availability: 0.9 });
    store.dispatch(a.sloTargetChanged({ target: 'p99LatencyMs', value: null }));
    expect(draft().slo!.p99LatencyMs).toBeNull();
    expect(validateDesign(draft()).success).toBe(true);
  });
});

describe('selectSelectedPart', () => {
  it('names the one selected component or connection with its place; nothing for none or several', () => {
    const { store } = editing();
    store.dispatch(a.selectionChanged(['db']));
    expect(selectSelectedPart(store.getState())).toMatchObject({
      part: 'component',
      index: 2,
      component: { id: 'db' },
    });
    store.dispatch(a.selectionChanged(['api-db']));
    expect(selectSelectedPart(store.getState())).toMatchObject({
      part: 'connection',
      index: 1,
      connection: { id: 'api-db' },
    });
    store.dispatch(a.selectionChanged(['api', 'db']));
    expect(selectSelectedPart(store.getState())).toBeNull();
    store.dispatch(a.selectionChanged([]));
    expect(selectSelectedPart(store.getState())).toBeNull();
  });
});
