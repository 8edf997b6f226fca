import type { SimulationResult } from '@faultline/schemas';
import { faultLines, overallLine } from './verdict-lines.ts';

/** The run's verdict, then one line per fault by name saying what became of it, then the warnings. */
export function VerdictHeader({ result }: { result: SimulationResult }) {
  const lines = faultLines(result);
  return (
    <header className="verdict" data-testid="verdict">
      <p className={`slo-banner ${result.slo.passed ? 'pass' : 'fail'}`} data-testid="slo.verdict">
        {overallLine(result)}
      </p>
      {lines.length > 0 && (
        <ul className="fault-lines">
          {lines.map((line) => (
            <li key={line.key} className={`fault-line ${line.state}`} data-testid="verdict.fault-line">
              {line.text}
            </li>
          ))}
        </ul>
      )}
      {result.warnings.length > 0 && (
        <ul className="warnings" aria-label="Warnings">
          {result.warnings.map((w) => (
            <li key={w} data-testid="verdict.warning">
              ⚠ {w}
            </li>
          ))}
        </ul>
      )}
    </header>
  );
}
