import { Link } from 'react-router';
import { useListRunsQuery } from '../../api/faultline-api.ts';

/** The design's runs, newest first, each a link to its dashboard. */
export function RunHistory({ designId }: { designId: string }) {
  const { data } = useListRunsQuery(designId, { refetchOnMountOrArgChange: true });
  if (!data?.items.length) return null;
  return (
    <section className="subpanel" aria-label="Runs" data-testid="runs.history">
      <h3>Runs</h3>
      <ul>
        {data.items.map((run) => (
          <li key={run.id}>
            <Link to={`/runs/${run.id}`}>
              {new Date(run.createdAt).toLocaleString()} · {run.settings.scenario.kind} · {run.status}
              {run.sloPassed !== null && (run.sloPassed ? ' · SLO passed' : ' · SLO failed')}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
