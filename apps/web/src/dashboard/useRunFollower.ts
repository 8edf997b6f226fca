import { useEffect, useState } from 'react';
import { isFinished, type Run, type RunProgress } from '@faultline/schemas';

/**
 * Follows a run through the orchestrator's server-sent events: the run as last announced and
 * the latest progress. The stream ends by itself after the final status.
 */
export function useRunFollower(
  id: string,
  initial: Run | undefined,
): { run: Run | undefined; progress: RunProgress | undefined } {
  const [run, setRun] = useState<Run | undefined>(initial);
  const [progress, setProgress] = useState<RunProgress | undefined>(initial?.progress);
  useEffect(() => setRun(initial), [initial]);
  const finished = run ? isFinished(run.status) : false;

  useEffect(() => {
    if (!initial || finished) return;
    const source = new EventSource(`/api/runs/${id}/events`);
    source.addEventListener('progress', (e) => setProgress(JSON.parse((e as MessageEvent).data)));
    source.addEventListener('status', (e) => {
      const next: Run = JSON.parse((e as MessageEvent).data);
      setRun(next);
      setProgress(next.progress);
      if (isFinished(next.status)) source.close();
    });
    return () => source.close();
  }, [id, initial, finished]);

  return { run, progress };
}
