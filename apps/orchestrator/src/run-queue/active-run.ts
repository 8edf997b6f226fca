import { assemble, partsOf, PartsProgress, type Part } from '@faultline/runs';
import type { Design, RunResult, RunSettings, SimulationResult } from '@faultline/schemas';
import type { PartOrder, PartProgress } from './messages.ts';

type PartState = 'waiting' | 'running' | 'done';

/**
 * A run the queue has started: its parts, which of them wait, run or are done, their results and
 * the progress summed over all of them. Parts run in any order on any thread; the result is
 * assembled from them in their own order, so it is the same bytes however they were spread.
 */
export class ActiveRun {
  readonly parts: Part[];
  readonly progress: PartsProgress;
  private readonly states: PartState[];
  private readonly results: SimulationResult[] = [];

  constructor(
    readonly runId: string,
    readonly design: Design,
    readonly settings: RunSettings,
  ) {
    this.parts = partsOf(design, settings);
    this.states = this.parts.map(() => 'waiting');
    this.progress = new PartsProgress(this.parts.length, settings.durationMs);
  }

  /** The first part that waits and whose baseline, if it has one, is done; null if none can start. */
  nextReady(): number | null {
    const index = this.parts.findIndex(
      (part, i) => this.states[i] === 'waiting' && (part.after === null || this.states[part.after] === 'done'),
    );
    return index < 0 ? null : index;
  }

  /** Marks the part running and says what its thread needs. */
  start(part: number, limits: Pick<PartOrder, 'maxEvents' | 'progressIntervalMs'>): PartOrder {
    this.states[part] = 'running';
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

  succeeded(part: number, result: SimulationResult, progress: PartProgress): void {
    this.states[part] = 'done';
    this.results[part] = result;
    this.progress.report(part, progress.simulatedMs, progress.events, true);
  }

  get done(): boolean {
    return this.states.every((s) => s === 'done');
  }

  result(): RunResult {
    return assemble(this.design, this.settings, this.parts, this.results);
  }
}
