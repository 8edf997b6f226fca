import type { RunPart } from '@faultline/schemas';

const LABELS: Record<RunPart['kind'], (part: RunPart) => string> = {
  simulation: () => 'simulation',
  baseline: () => 'baseline',
  chaos: () => 'chaos',
  step: (part) => `step ${part.leg + 1}`,
  variant: (part) => (part.leg === 0 ? 'as designed' : `variant ${part.leg}`),
};

/** What a part is, in words: "step 3, replication 2". */
export function partLabel(part: RunPart, replications: number): string {
  const what = LABELS[part.kind](part);
  return replications > 1 ? `${what}, replication ${part.replication + 1}` : what;
}

/**
 * The parts of a run while it goes: how many run, wait and are done, and where each runs, so a
 * sweep spread over several threads (or hosts) is visible as such.
 */
export function RunParts({ parts, replications }: { parts: RunPart[]; replications: number }) {
  if (parts.length < 2) return null;
  const count = (status: RunPart['status']) => parts.filter((p) => p.status === status).length;
  return (
    <details className="run-parts" open data-testid="run.parts">
      <summary>
        {parts.length} parts: {count('running')} running · {count('succeeded')} done · {count('waiting')} waiting
      </summary>
      <table>
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col">Status</th>
            <th scope="col">Worker</th>
          </tr>
        </thead>
        <tbody>
          {parts.map((part) => (
            <tr key={part.index} data-testid={`run.part.${part.index}`}>
              <td>{partLabel(part, replications)}</td>
              <td className={`part-status ${part.status}`}>{part.status}</td>
              <td>{part.worker ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
