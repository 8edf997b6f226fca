// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { RunResult, SweepPoint } from '@faultline/schemas';
import { NamesContext } from './names-context.ts';
import { namesOf } from './names.ts';
import { SweepView } from './SweepView.tsx';

afterEach(cleanup);

type Sweep = Extract<RunResult, { scenario: 'sweep' }>;
const point = (step: number, sloPassed: boolean): SweepPoint => ({
  step,
  value: step / 2,
  requests: 1000,
  successRate: 0.99,
  headline: {
    availability: 0.99,
    errorRate: 0.01,
    p50LatencyMs: 10,
    p99LatencyMs: sloPassed ? 40 : 28_500,
    mttrMs: null,
    recoveryRate: null,
  },
  sloPassed,
  grade: null,
});

/** A sweep that never collapses, its p99 past the SLO from the second step on. */
const slowSweep = (breakingPoint: Sweep['breakingPoint']): Sweep => ({
  scenario: 'sweep',
  parameter: '/faults/0/schedule/probability',
  points: [point(0, true), point(1, false), point(2, false)],
  collapse: null,
  breakingPoint,
});

describe('a sweep that never collapses', () => {
  it('does not read as all is well while its SLO breaks: it names the breaking point and the failed targets', () => {
    render(<SweepView result={slowSweep({ step: 1, value: 0.5, failedTargets: ['p99LatencyMs'] })} />);
    const banner = screen.getByTestId('sweep.collapse');
    expect(banner.textContent).toBe(
      'SLO breaks at /faults/0/schedule/probability = 0.5 (p99 latency failed) · no collapse: the success rate stayed at or above 10 % at every step',
    );
    expect(banner.className).toContain('fail');
  });

  it('a break caused by a request class’s own target names the class, by the design’s name for it', () => {
    const names = namesOf({
      components: [{ id: 'users', name: 'Users', kind: 'client', operations: [{ id: 'checkout', name: 'Checkout' }] }],
    });
    render(
      <NamesContext value={names}>
        <SweepView
          result={slowSweep({
            step: 1,
            value: 0.5,
            failedTargets: [],
            failedClasses: { checkout: ['availability', 'p99LatencyMs'] },
          })}
        />
      </NamesContext>,
    );
    expect(screen.getByTestId('sweep.collapse').textContent).toMatch(
      /^SLO breaks at \/faults\/0\/schedule\/probability = 0.5 \(Checkout availability, p99 latency failed\) ·/,
    );
  });

  it('a result without a breaking point (stored before it existed) still says where the SLO first failed', () => {
    render(<SweepView result={slowSweep(null)} />);
    expect(screen.getByTestId('sweep.collapse').textContent).toMatch(
      /^SLO breaks at \/faults\/0\/schedule\/probability = 0.5 ·/,
    );
  });
});
