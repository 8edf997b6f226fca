import type { SimulationResult } from '@faultline/schemas';
import { useNames } from './names-context.ts';
import { counterLines, policyLabel } from './policies.ts';

/** What each resilience policy did in the measured period, by name: retries, fallbacks served, short-circuits… */
export function DefencesPanel({ result }: { result: SimulationResult }) {
  const names = useNames();
  return (
    <section className="defences" data-testid="defences" aria-label="Defences">
      <h3>Defences</h3>
      {result.policies.length === 0 ? (
        <p className="hint">This design has no resilience policy.</p>
      ) : (
        <ul>
          {result.policies.map((policy, i) => (
            <li key={i} data-testid="defences.policy">
              <strong>{policyLabel(policy, names)}</strong>:{' '}
              {counterLines(policy).map((c, j) => (
                <span key={c.key} data-testid={`defences.counter.${c.key}`}>
                  {j > 0 && ', '}
                  {c.text}
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
