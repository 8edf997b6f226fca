// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import type { RunResult } from '@faultline/schemas';
import { fakeServer } from '../test/fake-server.ts';
import { renderWithProviders } from '../test/render-with-providers.tsx';
import { chaosResult, checkoutDesign, defenceAnalysisResult } from '../test/results.ts';
import { runOf } from '../test/runs.ts';
import { RunPage } from './RunPage.tsx';

let server: ReturnType<typeof fakeServer>;
afterEach(() => {
  cleanup();
  server.restore();
});

/** The run page of a finished run of the checkout design, whose result is `result`. */
async function showing(result: RunResult) {
  server = fakeServer({
    'GET /api/runs/r1': () => runOf('r1', 'succeeded'),
    'GET /api/runs/r1/result': () => result,
    'GET /api/runs/r1/design': () => checkoutDesign,
  });
  renderWithProviders(
    <Routes>
      <Route path="/runs/:id" element={<RunPage />} />
    </Routes>,
    { route: '/runs/r1' },
  );
  await screen.findByTestId('slo.verdict');
  // Names come from the run's design snapshot, which may answer after the result.
  await screen.findAllByText(/Checkout API/);
}

const texts = (testId: string) => screen.getAllByTestId(testId).map((e) => e.textContent);

describe('the run dashboard explains its verdict', () => {
  it('says what became of each fault, by name, with the fallback that absorbed one', async () => {
    await showing({ scenario: 'single', result: chaosResult() });
    expect(texts('verdict.fault-line')).toEqual([
      'Orders DB outage (60–90 s): recovered 2.1 s after it ended; 300 failures caused',
      'Price cache unreachable (whole run): absorbed, no failures caused (fallback served 1,438)',
      'Late latency spike (150–160 s): not exercised: it starts at 150 s, after the run ends at 120 s',
    ]);
    expect(texts('verdict.warning')[0]).toContain('"Late latency spike" starts at 150 s');
    // The table beside it says the same in words, not the result's ids.
    const rows = within(screen.getByTestId('fault-windows')).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[2]!.textContent)).toEqual([
      'recovered',
      'no impact',
      'not exercised',
    ]);
  });

  it('the overall line names the failing target with its figures and how the grade was reached', async () => {
    await showing({ scenario: 'single', result: chaosResult() });
    const overall = screen.getByTestId('slo.verdict').textContent;
    expect(overall).toContain('SLO missed: availability 97.50 % against ≥ 99.00 %');
    expect(overall).not.toContain('MTTR');
    expect(overall).toContain('grade A: 1 recovered + 1 no impact of 2 exercised faults');
  });

  it('a defence analysis lists each policy by name with its verdict, effect in points and ms, and reason', async () => {
    await showing(defenceAnalysisResult());
    const rows = screen.getAllByTestId('defences.verdict');
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Checkout API · fallback · Checkout API → Price cache',
      'Checkout API · retry · Checkout API → Orders DB',
      'Checkout API · circuit breaker · Checkout API → Orders DB',
    ]);
    expect(rows[0]!.textContent).toContain('helped');
    expect(rows[0]!.textContent).toContain('+12.00 pp');
    expect(rows[1]!.textContent).toContain('hurt');
    expect(rows[1]!.textContent).toContain('+120 ms');
    expect(rows[1]!.textContent).toContain('p99 rose by 120 ms');
    expect(rows[2]!.textContent).toContain('no effect');
    // The chaos run's own dashboard follows.
    expect(texts('verdict.fault-line')).toHaveLength(3);
  });

  it('each SLO card shows measured against threshold and its status or reason; the grade how it was reached', async () => {
    await showing({ scenario: 'single', result: chaosResult() });
    expect(screen.getByTestId('kpi.availability').textContent).toContain('SLO missed: 97.50 % against ≥ 99.00 %');
    expect(screen.getByTestId('kpi.mttr').textContent).toContain('SLO met: 2.1 s against ≤ 30.0 s');
    expect(screen.getByTestId('kpi.recovery').textContent).toContain('not applicableno window with impact recovered');
    expect(screen.getByTestId('kpi.grade').textContent).toBe(
      'GradeA1 recovered + 1 no impact of 2 exercised faults (100 %)',
    );
  });

  it('with replications, each card that has one shows the mean and its 95 % interval', async () => {
    const result = chaosResult();
    result.replications = {
      count: 3,
      metrics: {
        availability: { mean: 0.98, low: 0.97, high: 0.99 },
        p99LatencyMs: { mean: 42, low: 38.5, high: 45.5 },
      },
    };
    await showing({ scenario: 'single', result });
    const availability = screen.getByTestId('kpi.availability');
    expect(within(availability).getByText('98.00 %')).toBeTruthy();
    expect(screen.getByTestId('kpi.availability.interval').textContent).toBe(
      'mean of 3 runs, 95 % interval 97.00 % to 99.00 %',
    );
    expect(screen.getByTestId('kpi.p99.interval').textContent).toContain('38.5 ms to 45.5 ms');
    expect(screen.queryByTestId('kpi.p95.interval')).toBeNull();
  });

  it('the defences panel names each policy with what it did', async () => {
    await showing({ scenario: 'single', result: chaosResult() });
    expect(texts('defences.policy')).toEqual([
      'Checkout API · retry · Checkout API → Orders DB: retries 4,184, retries exhausted 300, recovered by a retry 812',
      'Checkout API · circuit breaker · Checkout API → Orders DB: short-circuited 950, opened 1, open for 4.2 s',
      'Checkout API · fallback · Checkout API → Price cache: fallback served 1,438',
    ]);
  });

  it('breakers are named and drawn over a time axis; the event log names what it lists', async () => {
    const result = chaosResult();
    result.events.items = [{ atMs: 60_000, type: 'fault-start', fault: 'db-outage', component: 'db' }];
    await showing({ scenario: 'single', result });
    const breakers = screen.getByTestId('breakers');
    expect(within(breakers).getByText('Checkout API → Orders DB')).toBeTruthy();
    expect(screen.getByTestId('breakers.axis').textContent).toBe('0 s20 s40 s60 s80 s100 s120 s');
    expect(screen.getByTestId('event.fault-start').textContent).toBe(
      '60.00 s fault starts Orders DB outage on Orders DB',
    );
  });

  it('baseline against chaos states ratio differences in percentage points', async () => {
    const chaos = chaosResult();
    await showing({
      scenario: 'baseline-vs-chaos',
      baseline: chaos,
      chaos,
      difference: {
        availability: -0.025,
        errorRate: 0.025,
        p50LatencyMs: 0,
        p99LatencyMs: 12.5,
        mttrMs: null,
        recoveryRate: null,
      },
    });
    const table = screen.getByTestId('comparison');
    expect(within(table).getByRole('row', { name: /^Availability/ }).textContent).toBe('Availability−2.50 pp');
    expect(within(table).getByRole('row', { name: /^Error rate/ }).textContent).toBe('Error rate+2.50 pp');
    expect(within(table).getByRole('row', { name: /^p99/ }).textContent).toBe('p99 latency+12.5 ms');
  });

  it('the component table flags saturated components by name, with why', async () => {
    await showing({ scenario: 'single', result: chaosResult() });
    const table = screen.getByTestId('components.table');
    expect(within(table).getByRole('row', { name: /^Checkout API/ }).textContent).toContain(
      'saturated: utilisation 97.0 %',
    );
    expect(within(table).getByRole('row', { name: /^Orders DB/ }).textContent).toContain(
      'saturated: queue still growing at the end (8)',
    );
  });
});
