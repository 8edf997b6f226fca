// @vitest-environment jsdom
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { RequestSeries, SimulationResult } from '@faultline/schemas';
import { renderWithProviders } from '../test/render-with-providers.tsx';
import { chaosResult } from '../test/results.ts';
import type { Row } from './chart-rows.ts';
import { SimulationView } from './SimulationView.tsx';

// Recharts sizes its charts from the layout, which jsdom does not do: each chart here shows the
// rows it was given to plot instead, so a test reads what a person would see drawn.
vi.mock('recharts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('recharts')>()),
  ResponsiveContainer: ({ children }: { children: ReactNode }) => children,
  ComposedChart: ({ data }: { data: Row[] }) => <output data-testid="chart.rows">{JSON.stringify(data)}</output>,
}));

afterEach(cleanup);

const latency = { mean: 10, p50: 8, p90: 20, p95: 30, p99: 40, p999: 80, max: 90 };

/** A class's series over the fixture's 12 buckets of 10 s, with the same figures in each. */
const series = (figures: { succeeded: number; degraded: number; failed: number; p50: number; p99: number }) => {
  const ended = figures.succeeded + figures.degraded + figures.failed;
  const each = <T,>(value: T) => Array<T>(12).fill(value);
  return {
    throughput: each(ended / 10),
    successRate: each((figures.succeeded + figures.degraded) / ended),
    errorRate: each(figures.failed / ended),
    p50: each(figures.p50),
    p99: each(figures.p99),
    succeeded: each(figures.succeeded),
    degraded: each(figures.degraded),
    failed: each(figures.failed),
  } satisfies RequestSeries;
};

/**
 * The chaos run of the checkout design (855 succeeded, 120 degraded and 25 failed requests in each
 * 10 s bucket, p99 40 ms) split into Browse (all the fallback answers, no failure) and Checkout
 * (the failures, p99 120 ms); `withSeries` false: stored before results kept a series per class.
 */
function withClasses(withSeries = true): SimulationResult {
  const result = chaosResult();
  result.classes = {
    'read-only': {
      name: 'Browse',
      requests: 9_300,
      succeeded: 7_860,
      degraded: 1_440,
      failed: 0,
      failedByKind: {},
      latency,
    },
    purchase: {
      name: 'Checkout',
      requests: 2_700,
      succeeded: 2_400,
      degraded: 0,
      failed: 300,
      failedByKind: { 'connection-refused': 300 },
      latency: { ...latency, p99: 120 },
    },
  };
  if (withSeries)
    result.timeSeries.classes = {
      'read-only': series({ succeeded: 655, degraded: 120, failed: 0, p50: 7, p99: 30 }),
      purchase: series({ succeeded: 200, degraded: 0, failed: 25, p50: 20, p99: 120 }),
    };
  return result;
}

/** The rows a chart plots, and its caption. */
const chart = (title: string) => {
  const figure = screen.getByTestId(`chart.${title}`);
  const rows = JSON.parse(within(figure).getByTestId('chart.rows').textContent!) as Row[];
  return { rows, caption: figure.querySelector('figcaption')!.textContent };
};
const choose = (classId: string) =>
  fireEvent.change(screen.getByTestId('classes.filter'), { target: { value: classId } });

describe('the charts under the class filter', () => {
  it("plot the chosen class's requests, say whose they are, and go back to all of them", () => {
    renderWithProviders(<SimulationView result={withClasses()} />);
    expect(chart('Throughput').rows[0]).toMatchObject({ succeeded: 85.5, degraded: 12, failed: 2.5 });
    expect(chart('Latency').rows[0]).toMatchObject({ p50: 8, p99: 40 });
    expect(chart('Throughput').caption).toBe('Throughput (req/s)');

    choose('purchase');
    expect(chart('Throughput').rows[0]).toMatchObject({ succeeded: 20, degraded: 0, failed: 2.5 });
    expect(chart('Success and errors').rows[0]).toMatchObject({ errorRate: (25 / 225) * 100 });
    expect(chart('Latency').rows[0]).toMatchObject({ p50: 20, p99: 120 });
    expect(chart('Throughput').caption).toBe('Throughput of Checkout requests (req/s)');
    expect(chart('Latency').caption).toBe('Latency of Checkout requests (ms)');
    // The note no longer says the charts are of all requests.
    const scope = screen.getByTestId('classes.scope').textContent;
    expect(scope).toContain('and so are the charts');
    expect(scope).not.toContain('the charts are of all requests');

    choose('read-only');
    expect(chart('Throughput').rows[0]).toMatchObject({ succeeded: 65.5, degraded: 12, failed: 0 });
    expect(chart('Latency').rows[0]).toMatchObject({ p99: 30 });

    choose('');
    expect(chart('Throughput').rows[0]).toMatchObject({ succeeded: 85.5, degraded: 12, failed: 2.5 });
    expect(chart('Throughput').caption).toBe('Throughput (req/s)');
  });

  it("overlay the baseline's same class, and no baseline that has no series for it", () => {
    const baseline = withClasses();
    baseline.timeSeries.classes!.purchase = series({ succeeded: 225, degraded: 0, failed: 0, p50: 15, p99: 60 });
    const { unmount } = renderWithProviders(<SimulationView result={withClasses()} baseline={baseline} />);
    expect(chart('Latency').rows[0]).toMatchObject({ p99: 40, baselineP99: 40 });
    choose('purchase');
    expect(chart('Latency').rows[0]).toMatchObject({ p99: 120, baselineP99: 60 });
    expect(chart('Success and errors').rows[0]).toMatchObject({ baselineSuccessRate: 100 });
    unmount();

    renderWithProviders(<SimulationView result={withClasses()} baseline={withClasses(false)} />);
    choose('purchase');
    expect(chart('Latency').rows[0]).toMatchObject({ p99: 120 });
    expect(chart('Latency').rows[0]).not.toHaveProperty('baselineP99');
  });

  it('stay of all requests for a result stored before it kept a series per class, and say so', () => {
    renderWithProviders(<SimulationView result={withClasses(false)} />);
    choose('purchase');
    expect(screen.getByTestId('kpi.p99').textContent).toContain('120 ms');
    expect(chart('Latency').rows[0]).toMatchObject({ p99: 40 });
    expect(chart('Latency').caption).toBe('Latency (ms)');
    expect(screen.getByTestId('classes.scope').textContent).toContain(
      'the charts are of all requests: this run keeps no time series per class',
    );
  });
});
