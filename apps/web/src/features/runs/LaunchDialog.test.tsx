// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { checkoutExample, type DesignInput } from '@faultline/schemas';
import { renderWithProviders } from '../../test/render-with-providers.tsx';
import { LaunchDialog } from './LaunchDialog.tsx';

beforeAll(() => {
  // jsdom has <dialog> but not its modal form.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
});
afterEach(cleanup);

/** The checkout example with its outage moved to 120 s. */
const lateOutage: DesignInput = {
  ...checkoutExample,
  faults: checkoutExample.faults!.map((f) => ({ ...f, schedule: { ...f.schedule, startMs: 120_000 } })),
};

const warnings = () => screen.queryAllByTestId('launch.warning').map((w) => w.textContent);

async function type(testId: string, text: string) {
  const field = screen.getByTestId(testId);
  await userEvent.clear(field);
  await userEvent.type(field, `${text}{Enter}`);
}

describe('the run dialog warns before launch', () => {
  it('of a fault that starts after the run ends, and follows the duration and warm-up as they are edited', async () => {
    renderWithProviders(<LaunchDialog designId="d" design={lateOutage} onClose={() => {}} />);
    // The dialog's 60 s run ends before the outage starts.
    expect(warnings()).toEqual([
      '⚠ "Database brief outage" starts at 120 s, after the run ends at 60 s: it will never be active.',
    ]);

    await type('launch.duration', '180');
    expect(warnings()).toEqual([]);

    await type('launch.warmup', '125');
    expect(warnings()).toEqual([
      '⚠ "Database brief outage" starts at 120 s, within the warm-up of 125 s: its start is not measured.',
    ]);
  });

  it('reads durations typed with their units', async () => {
    renderWithProviders(<LaunchDialog designId="units" design={lateOutage} onClose={() => {}} />);
    await type('launch.duration', '3m');
    expect(warnings()).toEqual([]);
    await type('launch.warmup', '125000ms');
    expect(warnings()).toEqual([
      '⚠ "Database brief outage" starts at 120 s, within the warm-up of 125 s: its start is not measured.',
    ]);
  });

  it('says nothing when every fault falls in the measured period', () => {
    renderWithProviders(<LaunchDialog designId="d" design={checkoutExample} onClose={() => {}} />);
    expect(warnings()).toEqual([]);
  });
});
