import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunResult, SloTarget } from '@faultline/schemas';
import { ms, pct } from './format.ts';
import { useNames } from './names-context.ts';
import type { Names } from './names.ts';
import { TARGET_WORDS } from './verdict-lines.ts';

type Sweep = Extract<RunResult, { scenario: 'sweep' }>;

/**
 * Where the SLO first broke, so "no collapse" never reads as all is well while every step fails its
 * targets: the design-wide targets that failed, then each request class's own, by the class's name.
 */
function breakingWords({ breakingPoint, parameter, points }: Sweep, names: Names): string {
  if (breakingPoint) {
    const words = (targets: SloTarget[]) => targets.map((t) => TARGET_WORDS[t]).join(', ');
    const failed = [
      ...(breakingPoint.failedTargets.length ? [words(breakingPoint.failedTargets)] : []),
      ...Object.entries(breakingPoint.failedClasses ?? {}).map(
        ([id, targets]) => `${names.requestClass(id)} ${words(targets)}`,
      ),
    ];
    return `SLO breaks at ${parameter} = ${breakingPoint.value} (${failed.join('; ')} failed)`;
  }
  // A result without a breaking point (stored before it existed) still says where the SLO first failed.
  const first = points.find((p) => !p.sloPassed);
  return first ? `SLO breaks at ${parameter} = ${first.value}` : 'Every step held its SLO targets';
}

/** The step where the SLO first failed, by either account. */
const breakingStep = (sweep: Sweep) => sweep.breakingPoint ?? sweep.points.find((p) => !p.sloPassed) ?? null;

/** The success rate against the swept value, with the collapse point marked, and the table behind it. */
export function SweepView({ result }: { result: Sweep }) {
  const names = useNames();
  const breaking = breakingStep(result);
  const rows = result.points.map((p) => ({ value: p.value, successRate: p.successRate, p99: p.headline.p99LatencyMs }));
  return (
    <section data-testid="sweep" aria-label="Sweep">
      <p className={`slo-banner ${result.collapse || breaking ? 'fail' : 'pass'}`} data-testid="sweep.collapse">
        {breakingWords(result, names)}
        {' · '}
        {result.collapse
          ? `collapses at ${result.parameter} = ${result.collapse.value} (success rate below 10 %)`
          : 'no collapse: the success rate stayed at or above 10 % at every step'}
      </p>
      <figure className="chart">
        <figcaption>Success rate by {result.parameter}</figcaption>
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="value" type="number" domain={['dataMin', 'dataMax']} />
            <YAxis domain={[0, 1]} width={48} />
            <Tooltip />
            <ReferenceLine y={0.1} stroke="#dc2626" strokeDasharray="4 3" label="collapse" />
            {result.collapse && <ReferenceLine x={result.collapse.value} stroke="#dc2626" />}
            {breaking && <ReferenceLine x={breaking.value} stroke="#f59e0b" label="SLO breaks" />}
            <Line dataKey="successRate" name="success rate" stroke="#16a34a" isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <table className="table">
        <thead>
          <tr>
            <th>Value</th>
            <th>Requests</th>
            <th>Success rate</th>
            <th>p99</th>
            <th>SLO</th>
            <th>Grade</th>
          </tr>
        </thead>
        <tbody>
          {result.points.map((p) => (
            <tr key={p.step} className={result.collapse?.step === p.step ? 'collapse' : undefined}>
              <td>{p.value}</td>
              <td>{p.requests}</td>
              <td>{pct(p.successRate)}</td>
              <td>{ms(p.headline.p99LatencyMs)}</td>
              <td>{p.sloPassed ? 'pass' : 'fail'}</td>
              <td>{p.grade ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
