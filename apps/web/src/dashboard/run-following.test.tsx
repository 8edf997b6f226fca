// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useParams } from 'react-router';
import type { Run, RunPart } from '@faultline/schemas';
import { RunHistory } from '../features/runs/RunHistory.tsx';
import { fakeServer } from '../test/fake-server.ts';
import { renderWithProviders } from '../test/render-with-providers.tsx';
import { runOf, singleResultOf } from '../test/runs.ts';
import { ComparePage } from './ComparePage.tsx';
import { RunPage } from './RunPage.tsx';

let server: ReturnType<typeof fakeServer>;
afterEach(() => {
  cleanup();
  server.restore();
});

/** The design's side of the editor: its runs, to pick two and compare. */
function DesignRuns() {
  const { id = '' } = useParams();
  return <RunHistory designId={id} />;
}

const app = (
  <Routes>
    <Route path="/runs/:id" element={<RunPage />} />
    <Route path="/designs/:id" element={<DesignRuns />} />
    <Route path="/compare" element={<ComparePage />} />
  </Routes>
);

/** r0 finished yesterday; r1 is running now. `runs` is the orchestrator's truth. */
function serving() {
  const runs: Record<string, Run> = { r0: runOf('r0', 'succeeded', 1), r1: runOf('r1', 'running', 2) };
  server = fakeServer({
    'GET /api/runs/r0': () => runs.r0,
    'GET /api/runs/r1': () => runs.r1,
    'GET /api/runs?designId=d': () => ({ items: [runs.r1, runs.r0] }),
    'GET /api/runs/r0/result': () => singleResultOf(1),
    'GET /api/runs/r1/result': () => singleResultOf(2, 10),
  });
  /** The run ends on the server, which says so to whoever follows its events. */
  const finish = () => {
    runs.r1 = runOf('r1', 'succeeded', 2);
    for (const stream of server.openStreams('/api/runs/r1/events')) stream.send('status', runs.r1);
  };
  return { finish };
}

describe('following a run', () => {
  it('shows progress from the server-sent events, then the dashboard once the run succeeds', async () => {
    const { finish } = serving();
    renderWithProviders(app, { route: '/runs/r1' });
    expect((await screen.findByTestId('run.status')).textContent).toBe('running');

    server
      .stream('/api/runs/r1/events')
      .send('progress', { simulatedMs: 12_000, totalMs: 30_000, events: 4321, percent: 40 });
    expect(await screen.findByText(/40\.0 % · 4,321 events/)).toBeTruthy();
    expect(screen.getByTestId('run.progress').getAttribute('value')).toBe('40');

    finish();
    expect(await screen.findByTestId('slo.verdict')).toBeTruthy();
    expect(screen.getByTestId('run.status').textContent).toBe('succeeded');
    expect(screen.queryByTestId('run.progress')).toBeNull();
    expect(server.streams.every((s) => s.closed)).toBe(true);
  });

  it('a run that finished while its page was left shows as succeeded in the run list and compares without a reload', async () => {
    const { finish } = serving();
    renderWithProviders(app, { route: '/runs/r1' });
    expect((await screen.findByTestId('run.status')).textContent).toBe('running');

    // Back to the design while the run goes: the list says running, so the run cannot be picked yet.
    await userEvent.click(screen.getByRole('link', { name: 'Checkout' }));
    const history = await screen.findByTestId('runs.history');
    expect(await within(history).findByText(/single · running/)).toBeTruthy();
    expect(within(history).getAllByRole('checkbox')).toHaveLength(1);

    finish();
    await waitFor(() => expect(within(history).queryByText(/running/)).toBeNull());
    const picks = within(history).getAllByRole('checkbox', { name: 'Pick for comparison' });
    expect(picks).toHaveLength(2);
    for (const pick of picks) await userEvent.click(pick);
    await userEvent.click(screen.getByTestId('runs.compare'));

    const table = await screen.findByTestId('compare');
    expect(within(table).getByRole('row', { name: /^Error rate/ }).textContent).toContain('1.00 %');
    expect(within(table).getByRole('row', { name: /^Error rate/ }).textContent).toContain('−1.00 pp');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows where the parts of a run go while it runs, read again as they change', async () => {
    const sweep = (statuses: [RunPart['status'], string | null][]): Run => ({
      ...runOf('r1', 'running', 2),
      parts: statuses.map(([status, worker], index) => ({
        kind: 'step',
        index,
        leg: index,
        replication: 0,
        status,
        worker,
        startedAt: null,
        finishedAt: null,
      })),
    });
    let run = sweep([
      ['running', 'host pid 1 thread 1'],
      ['running', 'host pid 1 thread 2'],
      ['waiting', null],
    ]);
    server = fakeServer({ 'GET /api/runs/r1': () => run });
    renderWithProviders(app, { route: '/runs/r1' });
    expect((await screen.findByTestId('run.parts')).textContent).toMatch(/3 parts: 2 running · 0 done · 1 waiting/);
    expect(screen.getByTestId('run.part.1').textContent).toMatch(/step 2.*running.*thread 2/);

    // No event says a part changed: the page reads the run again.
    run = sweep([
      ['succeeded', 'host pid 1 thread 1'],
      ['running', 'host pid 1 thread 2'],
      ['running', 'host pid 1 thread 1'],
    ]);
    await waitFor(() => expect(screen.getByTestId('run.parts').textContent).toMatch(/2 running · 1 done · 0 waiting/), {
      timeout: 5_000,
    });
  });
});
