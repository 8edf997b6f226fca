import type { Defence, DefenceFigures } from '@faultline/schemas';

/** Availability must move at least this much (0.1 percentage point) to count as an effect. */
export const AVAILABILITY_EFFECT = 0.001;
/** p99 must move at least this share of its value without the policy to count as an effect. */
export const P99_EFFECT = 0.05;

const percent = (ratio: number) => `${(ratio * 100).toFixed(2)} %`;
const points = (ratio: number) => `${ratio >= 0 ? '+' : '−'}${Math.abs(ratio * 100).toFixed(2)} points`;
const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
const signedPercent = (share: number) => `${share >= 0 ? '+' : '−'}${Math.abs(share * 100).toFixed(1)} %`;

/**
 * Helped, hurt or no effect, and why in words with the sizes (SPEC §5). With replications the
 * confidence interval of the paired availability difference decides no-effect; with one run the
 * thresholds do. Outside no-effect, availability decides; p99 decides only when availability
 * moved less than the threshold (a policy that only cuts latency helped).
 */
export function judge(
  withIt: DefenceFigures,
  without: DefenceFigures,
  interval: Defence['availabilityInterval'],
  replications: number,
): Pick<Defence, 'verdict' | 'reason'> {
  const availability = difference(withIt.availability, without.availability) ?? 0;
  const p99Share =
    withIt.p99LatencyMs !== null && without.p99LatencyMs !== null && without.p99LatencyMs > 0
      ? (withIt.p99LatencyMs - without.p99LatencyMs) / without.p99LatencyMs
      : null;
  const availabilityMoved = Math.abs(availability) >= AVAILABILITY_EFFECT;
  const p99Moved = p99Share !== null && Math.abs(p99Share) >= P99_EFFECT;

  const parts: string[] = [];
  if (withIt.availability !== null && without.availability !== null) {
    const mean = replications > 1 ? ` (mean of ${replications} replications)` : '';
    parts.push(
      `availability ${percent(withIt.availability)} with it, ${percent(without.availability)} without${mean}: ${points(availability)}`,
    );
  } else parts.push('no request was measured');
  if (interval) parts.push(`95 % interval ${points(interval.low)} to ${points(interval.high)}`);
  if (p99Share !== null && (p99Moved || !availabilityMoved))
    parts.push(
      `p99 ${ms(withIt.p99LatencyMs!)} with it, ${ms(without.p99LatencyMs!)} without: ${signedPercent(p99Share)}`,
    );
  const reason = parts.join('; ');

  const noEffect = interval ? interval.low <= 0 && interval.high >= 0 : !availabilityMoved && !p99Moved;
  if (noEffect) {
    const why = interval
      ? 'the interval of the availability difference contains 0'
      : 'availability moved less than 0.1 point and p99 less than 5 %';
    return { verdict: 'no-effect', reason: `No effect: ${why} (${reason}).` };
  }
  const helped = availabilityMoved || interval ? availability > 0 : (p99Share ?? 0) < 0;
  return { verdict: helped ? 'helped' : 'hurt', reason: `${helped ? 'Helped' : 'Hurt'}: ${reason}.` };
}

/** with − without, null when either is missing; 6 decimals, as results carry. */
export function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : Math.round((a - b) * 1e6) / 1e6;
}
