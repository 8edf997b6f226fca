// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { checkoutExample, SCENARIO_PRESETS } from '@faultline/schemas';
import { faultlineApi } from '../../api/faultline-api.ts';
import { useAppSelector } from '../../app/hooks.ts';
import { makeStore } from '../../app/store.ts';
import { editing, renderWithProviders } from '../../test/render-with-providers.tsx';
import { selectIssues } from '../selectors.ts';
import { ComponentCrashForm, ErrorForm, NetworkLatencyForm } from './fault-forms.tsx';
import { FaultEditor } from './FaultEditor.tsx';
import { FaultsPanel } from './FaultsPanel.tsx';

afterEach(cleanup);

/** The design's first fault, edited as the faults panel shows it. */
function FirstFault() {
  const fault = useAppSelector((state) => state.editor.draft!.faults![0]!);
  return <FaultEditor fault={fault} issues={[]} />;
}

describe('fault forms', () => {
  it('ComponentCrashForm takes a number of instances or "all", and a mode', async () => {
    const onChange = vi.fn();
    render(<ComponentCrashForm params={{ instances: 'all', mode: 'refuse' }} onChange={onChange} issues={[]} />);
    const instances = screen.getByLabelText(/Instances/);
    await userEvent.clear(instances);
    await userEvent.type(instances, '2{Enter}');
    expect(onChange).toHaveBeenLastCalledWith({ instances: 2, mode: 'refuse' });
    await userEvent.selectOptions(screen.getByLabelText('Mode'), 'hang');
    expect(onChange).toHaveBeenLastCalledWith({ instances: 'all', mode: 'hang' });
  });

  it('NetworkLatencyForm switches between a constant and an exponential delay, keeping the amount', async () => {
    const onChange = vi.fn();
    render(<NetworkLatencyForm params={{ addMs: { kind: 'constant', value: 150 } }} onChange={onChange} issues={[]} />);
    await userEvent.selectOptions(screen.getByLabelText('Added latency'), 'exponential');
    expect(onChange).toHaveBeenLastCalledWith({ addMs: { kind: 'exponential', mean: 150 } });
  });

  it("ErrorForm shows the schema's message when no kind is left", () => {
    render(
      <ErrorForm
        params={{ errorTypes: [] }}
        onChange={() => {}}
        issues={[{ path: '/params/errorTypes', message: 'must list at least one error kind' }]}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe('must list at least one error kind');
  });

  it('ScheduleEditor adds a ramp and runs a fault to the end when the duration is emptied', async () => {
    const { store } = renderWithProviders(<FirstFault />, { preloadedState: editing(checkoutExample) });
    const schedule = () => store.getState().editor.draft!.faults![0]!.schedule;
    await userEvent.click(screen.getByLabelText(/Ramp the probability/));
    expect(schedule()).toMatchObject({ startMs: 20_000, durationMs: 10_000, ramp: { from: 0, to: 1 } });
    await userEvent.clear(screen.getByLabelText(/Duration/));
    await userEvent.tab();
    expect(schedule()).toMatchObject({ startMs: 20_000, durationMs: null });
  });
});

describe('FaultsPanel', () => {
  it('adds a fault of the chosen type to the target, and shows an invalid probability next to its field', async () => {
    const store = makeStore(editing({ ...checkoutExample, faults: [] }));
    // The presets as the orchestrator serves them, already loaded, so no request leaves the test.
    await store.dispatch(
      faultlineApi.util.upsertQueryData('listScenarioPresets', undefined, { items: SCENARIO_PRESETS }),
    );
    renderWithProviders(<FaultsPanel target={{ component: 'api' }} />, { store });
    // A component takes only the fault types SPEC §3.3 allows on components.
    const types = [...screen.getByTestId('faults.type').querySelectorAll('option')].map((o) => o.value);
    expect(types).toEqual(['crash', 'latency', 'error', 'corruption', 'resource-exhaustion']);
    // ...and only the presets that go on a component.
    const presets = [...screen.getByTestId('faults.preset').querySelectorAll('option')].slice(1).map((o) => o.value);
    expect(presets.length).toBeGreaterThan(0);
    expect(presets.every((id) => SCENARIO_PRESETS.find((p) => p.id === id)?.target === 'component')).toBe(true);
    await userEvent.selectOptions(screen.getByTestId('faults.type'), 'latency');
    await userEvent.click(screen.getByTestId('faults.add'));
    expect(store.getState().editor.draft!.faults).toMatchObject([
      { id: 'latency-api', type: 'latency', target: { component: 'api' } },
    ]);

    const probability = screen.getByTestId('schedule.probability');
    await userEvent.clear(probability);
    await userEvent.type(probability, '1.5{Enter}');
    expect(selectIssues(store.getState()).map((i) => i.path)).toEqual(['/faults/0/schedule/probability']);
    expect(screen.getByRole('alert').textContent).toMatch(/1/);
  });
});
