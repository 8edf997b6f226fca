// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { checkoutExample, type DesignInput } from '@faultline/schemas';
import { makeStore } from '../app/store.ts';
import { renderWithProviders } from '../test/render-with-providers.tsx';
import { editorActions as a } from './editor-slice.ts';
import { DesignSettings } from './DesignSettings.tsx';
import { FaultEditor } from './faults/FaultEditor.tsx';
import { PropertyPanel } from './PropertyPanel.tsx';

// The operations' fields as a person meets them in the property panel and the faults panel.

afterEach(cleanup);

/** The checkout, its database given two operations (Read, Write), with `selected` selected. */
function checkoutWithDatabaseOperations(selected: string, design: DesignInput = structuredClone(checkoutExample)) {
  const store = makeStore();
  store.dispatch(a.designLoaded({ id: 'd1', version: 1, design }));
  store.dispatch(a.operationAdded({ component: 'db' }));
  store.dispatch(a.operationAdded({ component: 'db' }));
  store.dispatch(a.operationChanged({ component: 'db', operation: 0, field: 'name', value: 'Read' }));
  store.dispatch(a.operationChanged({ component: 'db', operation: 1, field: 'name', value: 'Write' }));
  store.dispatch(a.selectionChanged([selected]));
  const draft = () => store.getState().editor.draft!;
  return { store, draft };
}

const options = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((o) => o.textContent);

describe('operations in the panels', () => {
  it('a call picks its target’s operation, the first one until another is chosen', () => {
    const { store, draft } = checkoutWithDatabaseOperations('api');
    renderWithProviders(<PropertyPanel />, { store });
    const choice = screen.getByTestId<HTMLSelectElement>('call.operation');
    expect(options(choice)).toEqual(['Read', 'Write']);
    expect(choice.value).toBe('operation');
    fireEvent.change(choice, { target: { value: 'operation-2' } });
    expect(draft().components[1]!.calls).toEqual([{ connection: 'api-db', operation: 'operation-2' }]);
    expect(screen.getByTestId<HTMLSelectElement>('call.operation').value).toBe('operation-2');
  });

  it('a fault acts on every operation of its component, or on one chosen', () => {
    const { store, draft } = checkoutWithDatabaseOperations('db');
    store.dispatch(a.faultAdded({ type: 'latency', target: { component: 'db' } }));
    renderWithProviders(<FaultEditor fault={draft().faults![1]!} issues={[]} />, { store });
    const actsOn = screen.getByTestId<HTMLSelectElement>('fault.latency-db.operation');
    expect(options(actsOn)).toEqual(['every operation', 'Read only', 'Write only']);
    expect(actsOn.value).toBe('');
    fireEvent.change(actsOn, { target: { value: 'operation-2' } });
    expect(draft().faults![1]!.target).toEqual({ component: 'db', operation: 'operation-2' });
  });

  it('a fault that acts on the whole component offers no operation, unless it names one to clear', () => {
    const { store, draft } = checkoutWithDatabaseOperations('db');
    store.dispatch(a.faultAdded({ type: 'resource-exhaustion', target: { component: 'db' } }));
    const exhaustion = () => draft().faults!.at(-1)!;
    const actsOn = () => screen.queryByTestId(`fault.${exhaustion().id}.operation`);
    const { rerender } = renderWithProviders(<FaultEditor fault={exhaustion()} issues={[]} />, { store });
    // CPU exhaustion slows the requests that run: it can pick an operation's.
    expect(actsOn()).not.toBeNull();
    for (const resource of ['memory', 'connections']) {
      store.dispatch(a.faultParamsChanged({ id: exhaustion().id, params: { resource, intensity: 0.5 } }));
      rerender(<FaultEditor fault={exhaustion()} issues={[]} />);
      expect(actsOn(), resource).toBeNull();
    }
    // The crash on the database (the checkout's first fault) takes every request down.
    rerender(<FaultEditor fault={draft().faults![0]!} issues={[]} />);
    expect(draft().faults![0]!.type).toBe('crash');
    expect(screen.queryByTestId('fault.db-outage.operation')).toBeNull();
    // One that names an operation all the same (an imported design) shows the choice that clears it.
    store.dispatch(a.faultOperationChosen({ id: 'db-outage', operation: 'operation' }));
    rerender(<FaultEditor fault={draft().faults![0]!} issues={[]} />);
    fireEvent.change(screen.getByTestId('fault.db-outage.operation'), { target: { value: '' } });
    expect(draft().faults![0]!.target).toEqual({ component: 'db' });
  });

  it('a fault on a component without operations has nothing to choose', () => {
    const store = makeStore();
    store.dispatch(a.designLoaded({ id: 'd1', version: 1, design: structuredClone(checkoutExample) }));
    renderWithProviders(<FaultEditor fault={checkoutExample.faults![0]!} issues={[]} />, { store });
    expect(screen.queryByTestId('fault.db-outage.operation')).toBeNull();
  });

  it('a component with operations and calls of its own shows why those must go, where they are', () => {
    const design = structuredClone(checkoutExample);
    const api = design.components[1]!;
    api.operations = [{ id: 'read', name: 'Read', calls: [] }];
    const { store } = checkoutWithDatabaseOperations('api', design);
    renderWithProviders(<PropertyPanel />, { store });
    const [own] = screen.getAllByTestId('calls');
    expect(within(own!).getByRole('alert').textContent).toContain('its own calls are unused');
  });

  it('a request class’s weight shows its share, and a weight of 0 is refused under its field', () => {
    const { store } = checkoutWithDatabaseOperations('users');
    store.dispatch(a.operationAdded({ component: 'users' }));
    store.dispatch(a.operationAdded({ component: 'users' }));
    renderWithProviders(<PropertyPanel />, { store });
    expect(screen.getAllByTestId('operation.share').map((s) => s.textContent)).toEqual([
      ' 50 % of requests',
      ' 50 % of requests',
    ]);
    const [weight] = screen.getAllByTestId('operation.weight');
    fireEvent.change(weight!, { target: { value: '0' } });
    fireEvent.blur(weight!);
    expect(screen.getByRole('alert').textContent).toBe('must be more than 0');
    expect(weight!.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByTestId('operation.share').map((s) => s.textContent)).toEqual([
      ' – of requests',
      ' – of requests',
    ]);
  });
});

describe('SLO targets per request class in the design settings', () => {
  it('each class of the entry client has its targets, empty until set; one for a class not there is shown to remove', () => {
    const design = structuredClone(checkoutExample);
    design.slo = { ...design.slo, classes: { ghost: { availability: 0.9 } } };
    const { store, draft } = checkoutWithDatabaseOperations('users', design);
    store.dispatch(a.operationAdded({ component: 'users' }));
    store.dispatch(a.operationChanged({ component: 'users', operation: 0, field: 'name', value: 'Browse' }));
    store.dispatch(a.selectionChanged([]));
    renderWithProviders(<DesignSettings />, { store });

    const browse = screen.getByRole('group', { name: 'SLO of Browse requests' });
    const availability = within(browse).getByLabelText(/^Availability/);
    expect((availability as HTMLInputElement).value).toBe('');
    fireEvent.change(availability, { target: { value: '0.995' } });
    fireEvent.blur(availability);
    expect(draft().slo!.classes).toEqual({ ghost: { availability: 0.9 }, operation: { availability: 0.995 } });

    const ghost = screen.getByTestId('slo.class.ghost');
    expect(within(ghost).getByRole('alert').textContent).toContain('no request class "ghost"');
    fireEvent.click(within(ghost).getByRole('button', { name: 'Remove the targets of “ghost”' }));
    expect(draft().slo!.classes).toEqual({ operation: { availability: 0.995 } });
    expect(screen.queryByTestId('slo.class.ghost')).toBeNull();
  });

  it('a client without request classes shows no per-class targets', () => {
    const { store } = checkoutWithDatabaseOperations('users');
    store.dispatch(a.selectionChanged([]));
    renderWithProviders(<DesignSettings />, { store });
    expect(screen.queryByText(/^SLO of /)).toBeNull();
  });
});
