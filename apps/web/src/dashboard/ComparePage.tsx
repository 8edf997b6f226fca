import { Link, useSearchParams } from 'react-router';
import type { RunResult, SimulationResult } from '@faultline/schemas';
import { useGetRunQuery, useGetRunResultQuery } from '../api/faultline-api.ts';
import { ms, pct, secs } from './format.ts';
import { TimeSeriesCharts } from './TimeSeriesCharts.tsx';

/** The simulation a run stands for when compared: its only one, or the chaos side. */
function main(result: RunResult | undefined): SimulationResult | null {
  switch (result?.scenario) {
    case 'single':
      return result.result;
    case 'baseline-vs-chaos':
    case 'defence-analysis':
      return result.chaos;
    default:
      return null;
  }
}

const FIGURES: [string, (r: SimulationResult) => number | null, (v: number | null) => string][] = [
  [
    'Availability',
    (r) => (r.totals.requests ? (r.totals.succeeded + r.totals.degraded) / r.totals.requests : null),
    (v) => pct(v),
  ],
  ['Error rate', (r) => (r.totals.requests ? r.totals.failed / r.totals.requests : null), (v) => pct(v)],
  ['p50', (r) => r.latency.p50, ms],
  ['p99', (r) => r.latency.p99, ms],
  ['MTTR', (r) => r.mttrMs, secs],
  ['Retries', (r) => r.totals.retries, (v) => (v === null ? '–' : String(v))],
  ['Amplification', (r) => r.totals.amplification, (v) => (v === null ? '–' : v.toFixed(2))],
];

/** `/compare?a=<run>&b=<run>`: two runs side by side, the second overlaid on the first's charts. */
export function ComparePage() {
  const [params] = useSearchParams();
  const a = params.get('a') ?? '';
  const b = params.get('b') ?? '';
  const runA = useGetRunQuery(a).data;
  const runB = useGetRunQuery(b).data;
  const left = main(useGetRunResultQuery(a, { skip: runA?.status !== 'succeeded' }).data);
  const right = main(useGetRunResultQuery(b, { skip: runB?.status !== 'succeeded' }).data);
  if (!runA || !runB) return <p>Loading…</p>;
  if (!left || !right)
    return (
      <p role="alert">
        Both runs must have succeeded with a single, baseline-vs-chaos or defence-analysis scenario to be compared.
      </p>
    );
  const label = (run: typeof runA) => `${run.designName} v${run.designVersion}, seed ${run.settings.seed}`;
  return (
    <section className="page dashboard" data-testid="compare">
      <h1>Comparing two runs</h1>
      <table className="table">
        <thead>
          <tr>
            <th>Figure</th>
            <th>
              <Link to={`/runs/${a}`}>A: {label(runA)}</Link>
            </th>
            <th>
              <Link to={`/runs/${b}`}>B: {label(runB)}</Link>
            </th>
            <th>B − A</th>
          </tr>
        </thead>
        <tbody>
          {FIGURES.map(([name, figure, format]) => {
            const x = figure(left);
            const y = figure(right);
            return (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>{format(x)}</td>
                <td>{format(y)}</td>
                <td>{x === null || y === null ? '–' : format(y - x)}</td>
              </tr>
            );
          })}
          <tr>
            <th scope="row">SLO</th>
            <td>{left.slo.passed ? 'passed' : 'failed'}</td>
            <td>{right.slo.passed ? 'passed' : 'failed'}</td>
            <td />
          </tr>
          <tr>
            <th scope="row">Grade</th>
            <td>{left.scorecard.grade ?? '–'}</td>
            <td>{right.scorecard.grade ?? '–'}</td>
            <td />
          </tr>
        </tbody>
      </table>
      <p className="hint">Charts: A solid, B dashed.</p>
      <TimeSeriesCharts result={left} baseline={right} overlayLabel="B" />
    </section>
  );
}
