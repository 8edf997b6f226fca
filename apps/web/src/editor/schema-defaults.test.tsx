// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import {
  CallSchema,
  COMPONENT_KINDS,
  ComponentSchema,
  ConnectionSchema,
  discriminatorValues,
  FAULT_TYPES,
  FaultScheduleSchema,
  FaultSchema,
  InboundPolicySchema,
  OutgoingPolicySchema,
  RunSettingsSchema,
  SloSchema,
  WorkloadSchema,
  type ComponentKind,
  type DesignInput,
  type FaultType,
  type OutgoingPolicyType,
} from '@faultline/schemas';
import { makeStore } from '../app/store.ts';
import { LaunchDialog } from '../features/runs/LaunchDialog.tsx';
import { renderWithProviders } from '../test/render-with-providers.tsx';
import type { GuardType } from './draft.ts';
import { editorActions } from './editor-slice.ts';
import { shown } from './fields/Field.tsx';
import { isRecord } from './fields/params.ts';
import { FAULT_FORMS } from './faults/fault-forms.tsx';
import { ScheduleEditor } from './faults/ScheduleEditor.tsx';
import { PropertyPanel } from './PropertyPanel.tsx';
import { INBOUND_FORMS, OUTGOING_FORMS } from './resilience/policy-forms.tsx';

// Every form shows, for a field left empty, what the schema will put there: as a placeholder, as
// the value shown, or as the option chosen. The expectations come from parsing with the schemas,
// so a default typed into a form by hand, and different from the schema's, fails here; so does a
// placeholder invented for a field that has no default.

afterEach(cleanup);

/** The schema's output for `input`, without the fields `input` gave: what parsing filled in. */
function filledIn(parsed: unknown, given: object): Record<string, unknown> {
  if (!isRecord(parsed)) throw new Error('expected an object');
  return Object.fromEntries(Object.entries(parsed).filter(([key]) => !(key in given)));
}

/** Checks each field whose test id is `<prefix>.<path>` against the default at that path; returns how many. */
function expectDefaultsShown(prefix: string, defaults: Record<string, unknown>): number {
  const fields = [...document.querySelectorAll<HTMLElement>(`[data-testid^="${prefix}."]`)].filter(
    (e) => e instanceof HTMLInputElement || e instanceof HTMLSelectElement,
  );
  for (const field of fields) {
    const testId = field.dataset.testid!;
    const expected = testId
      .slice(prefix.length + 1)
      .split('.')
      .reduce<unknown>((at, key) => (isRecord(at) ? at[key] : undefined), defaults);
    if (field instanceof HTMLSelectElement) {
      // A choice of a whole object (the run dialog's scenario) starts where the dialog says why.
      if (expected !== undefined && !isRecord(expected)) expect(field.value, testId).toBe(String(expected));
    } else if (field instanceof HTMLInputElement && field.type === 'checkbox') {
      if (typeof expected === 'boolean') expect(field.checked, testId).toBe(expected);
    } else if (field instanceof HTMLInputElement) {
      if (expected === undefined) expect(field.placeholder, `${testId} shows a default the schema lacks`).toBe('');
      else expect(field.value || field.placeholder, testId).toBe(shown(expected));
    }
  }
  return fields.length;
}

/** The least each pattern needs to parse: its required parameters, which have no default to show. */
const REQUIRED_POLICY_PARAMS: Record<OutgoingPolicyType | GuardType, object> = {
  timeout: { timeoutMs: 1 },
  retry: {},
  'circuit-breaker': {},
  bulkhead: {},
  fallback: {},
  'rate-limiter': {},
  'load-shedding': { maxInFlight: 1 },
};

const REQUIRED_FAULT_PARAMS: Record<FaultType, object> = {
  crash: {},
  latency: { addMs: { kind: 'constant', value: 1 } },
  error: { errorTypes: ['timeout'] },
  'packet-loss': {},
  duplicate: {},
  reorder: { windowMs: 1 },
  corruption: {},
  'resource-exhaustion': { resource: 'cpu', intensity: 0.5 },
  'dependency-down': {},
  bandwidth: { bytesPerSecond: 1 },
};

describe('forms show the schemas’ defaults', () => {
  it.each(discriminatorValues(OutgoingPolicySchema, 'type'))('the %s form', (type) => {
    const Form = OUTGOING_FORMS[type];
    render(<Form params={{}} onChange={() => {}} issues={[]} />);
    const params = REQUIRED_POLICY_PARAMS[type];
    const parsed = OutgoingPolicySchema.parse({ type, params }).params;
    expect(expectDefaultsShown('policy.params', filledIn(parsed, params))).toBeGreaterThan(0);
  });

  it.each(discriminatorValues(InboundPolicySchema, 'type'))('the %s guard form', (type) => {
    const Form = INBOUND_FORMS[type];
    render(<Form params={{}} onChange={() => {}} issues={[]} />);
    const params = REQUIRED_POLICY_PARAMS[type];
    const parsed = InboundPolicySchema.parse({ type, params }).params;
    expect(expectDefaultsShown('policy.params', filledIn(parsed, params))).toBeGreaterThan(0);
  });

  it.each(FAULT_TYPES)('the %s fault form', (type) => {
    const Form = FAULT_FORMS[type];
    render(<Form params={{}} onChange={() => {}} issues={[]} />);
    const params = REQUIRED_FAULT_PARAMS[type];
    const parsed = FaultSchema.parse({ id: 'f', name: 'f', type, target: { component: 'c' }, params }).params;
    expectDefaultsShown('fault.params', filledIn(parsed, params));
  });

  it("a fault's schedule", () => {
    render(<ScheduleEditor schedule={{}} onChange={() => {}} issues={[]} />);
    expect(expectDefaultsShown('schedule', FaultScheduleSchema.parse({}))).toBe(6);
  });

  const users = { id: 'users', name: 'Users', kind: 'client' as const };
  /** A design whose parts state only what the schema requires; `x` calls `db`. */
  const bare = (kind: ComponentKind): DesignInput => ({
    name: 'bare',
    components: [
      users,
      { id: 'x', name: 'X', kind, calls: [{ connection: 'x-db' }] },
      { id: 'db', name: 'DB', kind: 'database' },
    ],
    connections: [{ id: 'x-db', source: 'x', target: 'db' }],
    workload: { entry: 'users', arrival: { kind: 'poisson', ratePerSecond: 10 } },
  });
  const showing = (design: DesignInput, selected: string[]) => {
    const store = makeStore();
    store.dispatch(editorActions.designLoaded({ id: 'd', version: 1, design }));
    store.dispatch(editorActions.selectionChanged(selected));
    renderWithProviders(<PropertyPanel />, { store });
  };

  it("the design's workload and SLO targets", () => {
    showing(bare('service'), []);
    const workload = { entry: 'users', arrival: { kind: 'poisson', ratePerSecond: 10 } };
    expect(expectDefaultsShown('workload', filledIn(WorkloadSchema.parse(workload), workload))).toBeGreaterThan(0);
    expect(expectDefaultsShown('slo', SloSchema.parse({}))).toBe(6);
  });

  it.each(COMPONENT_KINDS)("a %s's properties and calls", (kind) => {
    showing(bare(kind), ['x']);
    const given = { id: 'x', name: 'X', kind };
    expect(expectDefaultsShown('properties', filledIn(ComponentSchema.parse(given), given))).toBeGreaterThan(0);
    expect(expectDefaultsShown('call', CallSchema.parse({ connection: 'x-db' }))).toBe(2);
  });

  it("the run dialog's seed and replications", () => {
    // jsdom has no modal dialogs; the dialog's fields are what is checked here.
    HTMLDialogElement.prototype.showModal = () => {};
    renderWithProviders(<LaunchDialog designId="d" design={bare('service')} onClose={() => {}} />);
    const given = { durationMs: 60_000 };
    expect(expectDefaultsShown('launch', filledIn(RunSettingsSchema.parse(given), given))).toBeGreaterThan(2);
  });

  it("a connection's properties", () => {
    showing(bare('service'), ['x-db']);
    const given = { id: 'x-db', source: 'x', target: 'db' };
    expect(expectDefaultsShown('connection', filledIn(ConnectionSchema.parse(given), given))).toBe(2);
  });
});
