import { Link, useSearchParams } from 'react-router';
import type { RunResult, SimulationResult } from '@faultline/schemas';
import { useGetRunQuery, useGetRunResultQuery } from '../api/faultline-api.ts';
import { ms, pct, pp, secs, signedMs } from './format.ts';
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

type Format = (v: number | null) => string;
const count: Format = (v) => (v === null ? '–' : v.toLocaleString('en-US'));
const signed =
  (format: Format): Format =>
  (v) =>
    v === null ? '–' : `${v > 0 ? '+' : v < 0 ? '−' : '±'}${format(Math.abs(v))}`;

/** Each figure: its name, how to read it from a result, how to show it, and how to show B − A (ratios in points). */
const FIGURES: [string, (r: SimulationResult) => number | null, Format, Format][] = [
  [
    'Availability',
    (r) => (r.totals.requests ? (r.totals.succeeded + r.totals.degraded) / r.totals.requests : null),
    (v) => pct(v),
    (v) => pp(v),
  ],
  ['Error rate', (r) => (r.totals.requests ? r.totals.failed / r.totals.requests : null), (v) => pct(v), (v) => pp(v)],
  ['p50', (r) => r.latency.p50, ms, signedMs],
  ['p99', (r) => r.latency.p99, ms, signedMs],
  ['MTTR', (r) => r.mttrMs, secs, signed(secs)],
  ['Retries', (r) => r.totals.retries, count, signed(count)],
  [
    'Amplification',
    (r) => r.totals.amplification,
    (v) => (v === null ? '–' : v.toFixed(2)),
    signed((v) => (v ?? 0).toFixed(2)),
  ],
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
          {FIGURES.map(([name, figure, format, difference]) => {
            const x = figure(left);
            const y = figure(right);
            return (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>{format(x)}</td>
                <td>{format(y)}</td>
                <td>{x === null || y === null ? '–' : difference(y - x)}</td>
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
