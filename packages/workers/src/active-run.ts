import { assemble, partsOf, PartsProgress, type Part } from '@faultline/runs';
import type { Design, RunPart, RunResult, RunSettings, SimulationResult } from '@faultline/schemas';
import type { PartOrder, PartProgress } from './messages.ts';

/**
 * A run the queue has started: its parts, which of them wait, run or are done, their results and
 * the progress summed over all of them. Parts run in any order on any thread; the result is
 * assembled from them in their own order, so it is the same bytes however they were spread.
 */
export class ActiveRun {
  readonly parts: Part[];
  readonly progress: PartsProgress;
  /** Each part as GET /api/runs/:id shows it. */
  readonly records: RunPart[];
  private readonly results: SimulationResult[] = [];

  constructor(
    readonly runId: string,
    readonly design: Design,
    readonly settings: RunSettings,
  ) {
    this.parts = partsOf(design, settings);
    this.records = this.parts.map((part, index) => ({
      kind: part.kind,
      index,
      leg: part.leg,
      replication: part.replication,
      status: 'waiting',
      worker: null,
      startedAt: null,
      finishedAt: null,
    }));
    this.progress = new PartsProgress(this.parts.length, settings.durationMs);
  }

  /** The first part that waits and whose baseline, if it has one, is done; null if none can start. */
  nextReady(): number | null {
    const index = this.parts.findIndex(
      (part, i) =>
        this.records[i]!.status === 'waiting' &&
        (part.after === null || this.records[part.after]!.status === 'succeeded'),
    );
    return index < 0 ? null : index;
  }

  /** Marks the part running and says what its thread needs. */
  start(part: number, limits: Pick<PartOrder, 'maxEvents' | 'progressIntervalMs'>): PartOrder {
    this.records[part]!.status = 'running';
    this.records[part]!.startedAt = new Date().toISOString();
    const after = this.parts[part]!.after;
    return {
      runId: this.runId,
      part,
      design: this.design,
      settings: this.settings,
      ...(after === null ? {} : { baseline: this.results[after] }),
      ...limits,
    };
  }

  /** Where the part runs, once a thread has taken it. */
  runsOn(part: number, worker: string): void {
    this.records[part]!.worker = worker;
  }

  succeeded(part: number, result: SimulationResult, progress: PartProgress): void {
    this.finish(part, 'succeeded');
    this.results[part] = result;
    this.progress.report(part, progress.simulatedMs, progress.events, true);
  }

  /** At a run's end before all parts succeeded: the part that failed, if one did; the rest are cancelled. */
  stopped(failedPart: number | null): void {
    this.records.forEach((record, i) => {
      if (i === failedPart) this.finish(i, 'failed');
      else if (record.status === 'running') this.finish(i, 'cancelled');
      else if (record.status === 'waiting') record.status = 'cancelled';
    });
  }

  get done(): boolean {
    return this.records.every((r) => r.status === 'succeeded');
  }

  private finish(part: number, status: RunPart['status']): void {
    this.records[part]!.status = status;
    this.records[part]!.finishedAt = new Date().toISOString();
  }

  result(): RunResult {
    return assemble(this.design, this.settings, this.parts, this.results);
  }
}
