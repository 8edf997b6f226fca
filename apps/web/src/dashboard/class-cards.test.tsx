// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { SimulationResult } from '@faultline/schemas';
import { renderWithProviders } from '../test/render-with-providers.tsx';
import { chaosResult } from '../test/results.ts';
import { NamesContext } from './names-context.ts';
import { namesOf } from './names.ts';
import { SimulationView } from './SimulationView.tsx';

afterEach(cleanup);

const latency = (p99: number) => ({
  mean: p99 / 4,
  p50: p99 / 5,
  p90: p99 / 2,
  p95: p99 / 1.5,
  p99,
  p999: p99 * 2,
  max: p99 * 3,
});

/**
 * The chaos run of the checkout design, its 12,000 requests split into two request classes:
 * Browse (9,000, fine) and Checkout (3,000, which the database outage hit, missing its own target).
 */
function withClasses(): SimulationResult {
  const result = chaosResult();
  result.classes = {
    'read-only': {
      name: 'Browse',
      requests: 9_000,
      succeeded: 7_900,
      degraded: 1_050,
      failed: 50,
      failedByKind: { 'connection-refused': 50 },
      latency: latency(30),
    },
    purchase: {
      name: 'Checkout',
      requests: 3_000,
      succeeded: 2_362,
      degraded: 388,
      failed: 250,
      failedByKind: { 'connection-refused': 250 },
      latency: latency(120),
    },
  };
  result.slo.classes = {
    purchase: {
      passed: false,
      verdicts: {
        availability: {
          target: 'availability',
          threshold: 0.99,
          measured: 2_750 / 3_000,
          status: 'fail',
          reason: 'the Orders DB outage failed 250 checkouts',
        },
        p99LatencyMs: { target: 'p99LatencyMs', threshold: 200, measured: 120, status: 'pass' },
      },
    },
  };
  return result;
}

const card = (id: string) => screen.getByTestId(`class.${id}`);

describe('request classes on the dashboard', () => {
  it('a card per class, by name: its requests and share, availability, p99 and its own verdicts with reasons', () => {
    renderWithProviders(<SimulationView result={withClasses()} />);
    const cards = [...screen.getByTestId('classes').querySelectorAll<HTMLElement>('.class-card')];
    expect(cards.map((c) => c.dataset.testid)).toEqual(['class.read-only', 'class.purchase']);
    expect(within(card('read-only')).getByText('Browse')).toBeTruthy();
    expect(within(card('read-only')).getByTestId('class.availability').textContent).toBe('99.44 %');
    expect(within(card('read-only')).getByTestId('class.requests').textContent).toBe(
      'availability of 9,000 requests (75.0 % of all)',
    );
    expect(within(card('read-only')).getByTestId('class.p99').textContent).toBe('p99 30 ms');
    expect(within(card('read-only')).queryAllByTestId('class.verdict')).toEqual([]);

    expect(within(card('purchase')).getByText('Checkout')).toBeTruthy();
    expect(card('purchase').className).toContain('fail');
    expect(
      within(card('purchase'))
        .getAllByTestId('class.verdict')
        .map((v) => v.textContent),
    ).toEqual([
      'SLO availability missed: 91.67 % against ≥ 99.00 % (the Orders DB outage failed 250 checkouts)',
      'SLO p99 latency met: 120 ms against ≤ 200 ms',
    ]);
    // Classes read by name, never by id.
    expect(screen.getByTestId('classes').textContent).not.toMatch(/read-only|purchase/);
  });

  it('the class filter switches the request figures and their verdicts to one class, and back', () => {
    renderWithProviders(<SimulationView result={withClasses()} />);
    const availability = () => screen.getByTestId('kpi.availability').textContent;
    expect(availability()).toContain('97.50 %');
    expect(screen.queryByTestId('classes.scope')).toBeNull();

    fireEvent.change(screen.getByTestId('classes.filter'), { target: { value: 'purchase' } });
    expect(availability()).toContain('91.67 %');
    expect(availability()).toContain('SLO missed: 91.67 % against ≥ 99.00 %');
    expect(availability()).toContain('the Orders DB outage failed 250 checkouts');
    // The latency cards are the class's own percentiles, the p99 one against the class's target.
    expect(screen.getByTestId('kpi.p50').textContent).toBe('p5024 ms');
    expect(screen.getByTestId('kpi.p99').textContent).toBe('p99120 msSLO met: 120 ms against ≤ 200 ms');
    expect(screen.getByTestId('kpi.errorRate').textContent).toContain('8.33 %');
    // Fault figures stay the run's, and the page says which figures follow the filter.
    expect(screen.getByTestId('kpi.mttr').textContent).toContain('SLO met: 2.1 s against ≤ 30.0 s');
    expect(screen.getByTestId('classes.scope').textContent).toContain('of Checkout requests');

    fireEvent.change(screen.getByTestId('classes.filter'), { target: { value: 'read-only' } });
    expect(availability()).toContain('99.44 %');
    // Browse sets no target of its own: no verdict is borrowed from the run's.
    expect(availability()).not.toContain('SLO');

    fireEvent.change(screen.getByTestId('classes.filter'), { target: { value: '' } });
    expect(availability()).toContain('SLO missed: 97.50 % against ≥ 99.00 %');
  });

  it('over replications, a chosen class’s cards show its own intervals; the fault figures keep the run’s', () => {
    const result = withClasses();
    result.replications = {
      count: 3,
      metrics: {
        availability: { mean: 0.975, low: 0.97, high: 0.98 },
        mttrMs: { mean: 2_000, low: 1_500, high: 2_500 },
        'classes.purchase.availability': { mean: 0.92, low: 0.9, high: 0.94 },
      },
    };
    renderWithProviders(<SimulationView result={result} />);
    fireEvent.change(screen.getByTestId('classes.filter'), { target: { value: 'purchase' } });
    expect(screen.getByTestId('kpi.availability.interval').textContent).toBe(
      'mean of 3 runs, 95 % interval 90.00 % to 94.00 %',
    );
    expect(screen.queryByTestId('kpi.p99.interval')).toBeNull();
    expect(screen.getByTestId('kpi.mttr.interval').textContent).toBe('mean of 3 runs, 95 % interval 1.5 s to 2.5 s');
  });

  it('the overall verdict names a class that missed its target', () => {
    const result = withClasses();
    result.slo.passed = false;
    renderWithProviders(<SimulationView result={result} />);
    expect(screen.getByTestId('slo.verdict').textContent).toContain(
      'Checkout availability 91.67 % against ≥ 99.00 % (the Orders DB outage failed 250 checkouts)',
    );
  });

  it('a run without classes shows no class cards and no filter', () => {
    renderWithProviders(<SimulationView result={chaosResult()} />);
    expect(screen.getByTestId('kpi.availability').textContent).toContain('97.50 %');
    expect(screen.queryByTestId('classes')).toBeNull();
    expect(screen.queryByTestId('classes.filter')).toBeNull();
  });
});

describe('operations in the component table', () => {
  it('a component with several operations lists each beneath it, by name, with its requests, failures and latency', () => {
    const result = withClasses();
    result.components.api!.operations = {
      read: { requests: 9_000, failed: 0, latency: latency(20) },
      write: { requests: 3_000, failed: 300, latency: latency(90) },
    };
    const names = namesOf({
      components: [
        {
          id: 'api',
          name: 'Checkout API',
          operations: [
            { id: 'read', name: 'Read' },
            { id: 'write', name: 'Write' },
          ],
        },
        { id: 'db', name: 'Orders DB' },
      ],
    });
    renderWithProviders(
      <NamesContext value={names}>
        <SimulationView result={result} />
      </NamesContext>,
    );
    const rows = within(screen.getByTestId('components.table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Checkout API',
      'Checkout API · Read',
      'Checkout API · Write',
      'Orders DB',
    ]);
    expect(rows[2]!.textContent).toBe('Checkout API · Write300030018 ms90 ms');
  });
});
