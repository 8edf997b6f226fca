import { EventEmitter } from 'node:events';
import type { RunRepository } from '../repository/run-repository.ts';
import type { RunNews } from './scheduler.ts';

/** The subscribers of each run in this process, and what they are told. */
export class RunSubscribers {
  private readonly news = new EventEmitter();

  constructor(private readonly runs: RunRepository) {
    this.news.setMaxListeners(0);
  }

  subscribe(runId: string, listener: (news: RunNews) => void): () => void {
    this.news.on(runId, listener);
    return () => this.news.off(runId, listener);
  }

  progress(runId: string, progress: Extract<RunNews, { type: 'progress' }>['progress']): void {
    this.news.emit(runId, { type: 'progress', progress } satisfies RunNews);
  }

  /**
   * Tells subscribers the run's state. When the database still says it runs after it failed
   * (the failure could not be written), they hear the failure anyway, so no stream waits forever.
   */
  async status(runId: string, failure: string | null = null): Promise<void> {
    if (this.news.listenerCount(runId) === 0) return;
    const run = await this.runs.get(runId).catch(() => null);
    if (!run) return;
    const told =
      failure !== null && run.status === 'running' ? { ...run, status: 'failed' as const, error: failure } : run;
    this.news.emit(runId, { type: 'status', run: told } satisfies RunNews);
  }
}
