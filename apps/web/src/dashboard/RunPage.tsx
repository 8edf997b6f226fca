import { Link, useParams } from 'react-router';
import { EXPORT_FORMATS, isFinished } from '@faultline/schemas';
import { faultlineApi, useCancelRunMutation, useGetRunQuery, useGetRunResultQuery } from '../api/faultline-api.ts';
import { DefenceVerdicts } from './DefenceVerdicts.tsx';
import { inWords, pp, signedMs } from './format.ts';
import { RunParts } from './RunParts.tsx';
import { NamesContext } from './names-context.ts';
import { useRunNames } from './names.ts';
import { SimulationView } from './SimulationView.tsx';
import { SweepView } from './SweepView.tsx';

const PARTS_POLL_MS = 2_000;

/** `/runs/:id`: live progress while the run goes, then its dashboard. */
export function RunPage() {
  const { id = '' } = useParams();
  // The cached run follows the server's events until it finishes (see getRun); its parts change
  // without an event of their own, so while it goes the run is also read again now and then.
  const cached = faultlineApi.endpoints.getRun.useQueryState(id).data;
  const going = !cached || !isFinished(cached.status);
  const { data: run, isError } = useGetRunQuery(id, { pollingInterval: going ? PARTS_POLL_MS : 0 });
  const progress = run?.progress;
  const [cancel] = useCancelRunMutation();
  const succeeded = run?.status === 'succeeded';
  const { data: result } = useGetRunResultQuery(id, { skip: !succeeded });
  const names = useRunNames(run);

  if (isError)
    return (
      <p role="alert">
        This run does not exist. <Link to="/">Back to the designs</Link>
      </p>
    );
  if (!run) return <p>Loading…</p>;

  return (
    <NamesContext value={names}>
      <section className="page dashboard">
        <div className="page-title">
          <h1>
            Run of <Link to={`/designs/${run.designId}`}>{run.designName}</Link>
          </h1>
          <span className={`run-status ${run.status}`} data-testid="run.status">
            {run.status}
          </span>
        </div>
        <p className="run-meta">
          {inWords(run.settings.scenario.kind)} · seed {run.settings.seed} · {run.settings.durationMs / 1000} s
          simulated
          {run.settings.replications > 1 && ` · ${run.settings.replications} replications`} · design version{' '}
          {run.designVersion}
        </p>
        {!isFinished(run.status) && (
          <div className="progress">
            <progress max={100} value={progress?.percent ?? 0} aria-label="Run progress" data-testid="run.progress" />
            <span>
              {(progress?.percent ?? 0).toFixed(1)} % · {(progress?.events ?? 0).toLocaleString()} events
            </span>
            <button type="button" className="danger" onClick={() => cancel(id)}>
              Cancel
            </button>
          </div>
        )}
        {!isFinished(run.status) && <RunParts parts={run.parts} replications={run.settings.replications} />}
        {run.status === 'failed' && (
          <p role="alert" className="problem">
            The run failed: {run.error}
          </p>
        )}
        {succeeded && (
          <p className="downloads" data-testid="run.downloads">
            Download:{' '}
            {EXPORT_FORMATS.map((format) => (
              <a
                key={format}
                href={`/api/runs/${id}/export?format=${format}`}
                download
                data-testid={`download.${format}`}
              >
                {format.toUpperCase()}
              </a>
            ))}
          </p>
        )}
        {result?.scenario === 'single' && <SimulationView result={result.result} />}
        {result?.scenario === 'baseline-vs-chaos' && (
          <>
            <table className="table" data-testid="comparison">
              <caption>Chaos against baseline (same traffic, faults off)</caption>
              <thead>
                <tr>
                  <th>Figure</th>
                  <th>Difference</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">Availability</th>
                  <td>{pp(result.difference.availability)}</td>
                </tr>
                <tr>
                  <th scope="row">Error rate</th>
                  <td>{pp(result.difference.errorRate)}</td>
                </tr>
                <tr>
                  <th scope="row">p99 latency</th>
                  <td>{signedMs(result.difference.p99LatencyMs)}</td>
                </tr>
              </tbody>
            </table>
            <SimulationView result={result.chaos} baseline={result.baseline} />
          </>
        )}
        {result?.scenario === 'sweep' && <SweepView result={result} />}
        {result?.scenario === 'defence-analysis' && (
          <>
            <DefenceVerdicts defences={result.defences} />
            <SimulationView result={result.chaos} />
          </>
        )}
      </section>
    </NamesContext>
  );
}
