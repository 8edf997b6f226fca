import { useState } from 'react';
import { Link } from 'react-router';
import { useListRunsQuery } from '../../api/faultline-api.ts';

/** The design's runs, newest first, each a link to its dashboard; two can be picked for comparison. */
export function RunHistory({ designId }: { designId: string }) {
  const { data } = useListRunsQuery(designId, { refetchOnMountOrArgChange: true });
  const [picked, setPicked] = useState<string[]>([]);
  if (!data?.items.length) return null;
  const toggle = (id: string, on: boolean) =>
    setPicked((p) => (on ? [...p.filter((x) => x !== id), id].slice(-2) : p.filter((x) => x !== id)));
  return (
    <section className="subpanel" aria-label="Runs" data-testid="runs.history">
      <h3>Runs</h3>
      <ul>
        {data.items.map((run) => (
          <li key={run.id}>
            {run.status === 'succeeded' && run.settings.scenario.kind !== 'sweep' && (
              <input
                type="checkbox"
                aria-label="Pick for comparison"
                checked={picked.includes(run.id)}
                onChange={(e) => toggle(run.id, e.target.checked)}
              />
            )}{' '}
            <Link to={`/runs/${run.id}`}>
              {new Date(run.createdAt).toLocaleString()} · {run.settings.scenario.kind} · {run.status}
              {run.sloPassed !== null && (run.sloPassed ? ' · SLO passed' : ' · SLO failed')}
            </Link>
          </li>
        ))}
      </ul>
      {picked.length === 2 && (
        <Link to={`/compare?a=${picked[0]}&b=${picked[1]}`} data-testid="runs.compare">
          Compare the two picked runs
        </Link>
      )}
    </section>
  );
}
