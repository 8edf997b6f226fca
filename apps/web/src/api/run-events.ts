import { isFinished, type Run, type RunProgress } from '@faultline/schemas';

/** The part of RTK Query's cache-entry lifecycle that following a run needs. */
export interface RunCacheEntry {
  cacheDataLoaded: Promise<{ data: Run }>;
  cacheEntryRemoved: Promise<void>;
  updateCachedData: (recipe: (run: Run) => Run | void) => unknown;
}

/**
 * Keeps a cached run current from the orchestrator's server-sent events while it goes: `progress`
 * moves its progress, `status` replaces it whole. The server ends the stream after the final
 * status, which `onFinished` hears, so whatever was read while the run went (the design's run
 * list, a missing result) is fetched again. A run already finished when first read opens no
 * stream.
 */
export async function followRunEvents(
  url: string,
  entry: RunCacheEntry,
  onFinished: (run: Run) => void,
): Promise<void> {
  let first: Run;
  try {
    first = (await entry.cacheDataLoaded).data;
  } catch {
    return; // the entry went away before the run was read: nothing to follow
  }
  if (isFinished(first.status)) return;

  const source = new EventSource(url);
  source.addEventListener('progress', (event) => {
    const progress: RunProgress = JSON.parse(event.data);
    entry.updateCachedData((run) => {
      run.progress = progress;
    });
  });
  source.addEventListener('status', (event) => {
    const run: Run = JSON.parse(event.data);
    entry.updateCachedData(() => run);
    if (isFinished(run.status)) {
      source.close();
      onFinished(run);
    }
  });
  await entry.cacheEntryRemoved;
  source.close();
}
