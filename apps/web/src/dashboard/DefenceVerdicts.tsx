import type { Defence } from '@faultline/schemas';
import { pp, signedMs } from './format.ts';
import { useNames } from './names-context.ts';
import { policyLabel } from './policies.ts';

const VERDICT_WORDS: Record<Defence['verdict'], string> = {
  helped: 'helped',
  hurt: 'hurt',
  'no-effect': 'no effect',
};

/** After a defence analysis: which policy helped, hurt or did nothing, by how much and why. */
export function DefenceVerdicts({ defences }: { defences: Defence[] }) {
  const names = useNames();
  return (
    <table className="table defences" data-testid="defences.verdicts">
      <caption>Which defence helped (each policy against the same run without it)</caption>
      <thead>
        <tr>
          <th>Policy</th>
          <th>Verdict</th>
          <th>Availability</th>
          <th>Error rate</th>
          <th>p99</th>
          <th>Amplification</th>
          <th>Why</th>
        </tr>
      </thead>
      <tbody>
        {defences.map((d) => {
          const { effect, availabilityInterval: ci } = d;
          return (
            <tr key={`${d.policy.component}-${d.policy.type}-${d.policy.connection}`} data-testid="defences.verdict">
              <th scope="row">{policyLabel(d.policy, names)}</th>
              <td className={`verdict ${d.verdict}`}>{VERDICT_WORDS[d.verdict]}</td>
              <td>
                {pp(effect.availability)}
                {ci && ` (95 % ${pp(ci.low)} to ${pp(ci.high)})`}
              </td>
              <td>{pp(effect.errorRate)}</td>
              <td>{signedMs(effect.p99LatencyMs)}</td>
              <td>
                {effect.amplification === null
                  ? '–'
                  : `${effect.amplification > 0 ? '+' : ''}${effect.amplification.toFixed(2)}×`}
              </td>
              <td>{d.reason}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
