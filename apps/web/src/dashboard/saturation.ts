import type { SimulationResult } from '@faultline/schemas';
import { pct } from './format.ts';

/** At or above this utilisation a component has no headroom left. */
export const SATURATED_UTILISATION = 0.95;

/**
 * Whether a queue was still growing when the run ended: over its last buckets (a tenth of the run,
 * at least three) it never shrank and ended longer than it started. Such a queue never drained,
 * so the run's figures understate what a longer run would show.
 */
export function queueStillGrowing(queueLength: readonly number[]): boolean {
  const tail = queueLength.slice(-Math.max(3, Math.ceil(queueLength.length / 10)));
  if (tail.length < 3) return false;
  const never = tail.every((q, i) => i === 0 || q >= tail[i - 1]!);
  return never && tail.at(-1)! > tail[0]!;
}

/** Each saturated component's reasons, in words: "utilisation 97.0 %", "queue still growing at the end". */
export function saturationOf(result: SimulationResult): Map<string, string[]> {
  const saturated = new Map<string, string[]>();
  for (const [id, c] of Object.entries(result.components)) {
    const reasons: string[] = [];
    if (c.utilisation >= SATURATED_UTILISATION) reasons.push(`utilisation ${pct(c.utilisation, 1)}`);
    const queue = result.timeSeries.components[id]?.queueLength ?? [];
    if (queueStillGrowing(queue)) reasons.push(`queue still growing at the end (${queue.at(-1)})`);
    if (reasons.length) saturated.set(id, reasons);
  }
  return saturated;
}
