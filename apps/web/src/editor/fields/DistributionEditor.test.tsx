// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DistributionSchema } from '@faultline/schemas';
import { DistributionEditor } from './DistributionEditor.tsx';

afterEach(cleanup);

describe('DistributionEditor', () => {
  it('offers every distribution of the spec, each starting valid', async () => {
    const onChange = vi.fn();
    render(
      <DistributionEditor
        legend="Service time"
        value={{ kind: 'exponential', mean: 10 }}
        onChange={onChange}
        issues={[]}
        path="/x"
      />,
    );
    const kinds = [...screen.getByLabelText('Distribution').querySelectorAll('option')].map((o) => o.value);
    expect([...kinds].sort()).toEqual(['constant', 'empirical', 'exponential', 'lognormal', 'normal', 'uniform']); // SPEC §3.5
    for (const kind of kinds) {
      await userEvent.selectOptions(screen.getByLabelText('Distribution'), kind);
      expect(DistributionSchema.safeParse(onChange.mock.lastCall![0]).success, kind).toBe(true);
    }
  });

  it('reads an empirical distribution as value:weight pairs', async () => {
    const onChange = vi.fn();
    render(
      <DistributionEditor
        legend="Latency"
        value={{ kind: 'empirical', points: [{ value: 5, weight: 3 }] }}
        onChange={onChange}
        issues={[]}
        path="/x"
      />,
    );
    const points = screen.getByLabelText(/Points/);
    await userEvent.clear(points);
    await userEvent.type(points, '2:1, 40:0.5{Enter}');
    expect(onChange).toHaveBeenLastCalledWith({
      kind: 'empirical',
      points: [
        { value: 2, weight: 1 },
        { value: 40, weight: 0.5 },
      ],
    });
  });
});
