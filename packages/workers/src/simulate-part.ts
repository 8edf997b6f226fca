import { partsOf, startPart } from '@faultline/runs';
import type { PartOrder, PartProgress, WorkerMessage } from './messages.ts';

/** Events per slice: small enough that progress is current, large enough that it costs nothing. */
const SLICE_EVENTS = 200_000;

/** The reason a run stopped at the event limit, the same whether one part or the sum of all passed it. */
export function overEventLimit(events: number, maxEvents: number): string {
  return `The run was stopped after ${events.toLocaleString('en')} events, over the limit of ${maxEvents.toLocaleString('en')} events per run. Shorten the duration or lower the load.`;
}

/** The reason a run stopped at its wall-clock limit, whether its parts ran here or across hosts. */
export function overWallClock(maxRunWallMs: number, percent?: number): string {
  const at = percent === undefined ? '' : ` (at ${percent} %)`;
  return `The run was stopped after ${maxRunWallMs / 1000} s of wall-clock time, the limit per run${at}. Shorten the duration, lower the load or split the scenario.`;
}

/**
 * Runs one part to its end, reporting progress at most every `progressIntervalMs` of wall time.
 * Failures of the part itself (past the event limit, an engine error) become a reason a person
 * can read, never a thrown error. The orchestrator also checks the sum over the run's parts.
 */
export function simulatePart(order: PartOrder, post: (message: WorkerMessage) => void, clock = Date.now): void {
  const { runId, part: index, maxEvents } = order;
  try {
    const part = partsOf(order.design, order.settings)[index];
    if (!part) throw new Error(`the run has no part ${index}`);
    const simulation = startPart(part, order.baseline);
    let lastReport = clock();
    let progress: PartProgress = { simulatedMs: 0, events: 0 };
    while (!simulation.done) {
      const step = simulation.advance({ maxEvents: SLICE_EVENTS });
      progress = { simulatedMs: step.simulatedMs, events: step.events };
      if (progress.events > maxEvents) {
        post({ type: 'failed', runId, part: index, reason: overEventLimit(progress.events, maxEvents) });
        return;
      }
      if (clock() - lastReport >= order.progressIntervalMs) {
        lastReport = clock();
        post({ type: 'progress', runId, part: index, progress });
      }
    }
    post({ type: 'succeeded', runId, part: index, result: simulation.result(), progress });
  } catch (error) {
    post({
      type: 'failed',
      runId,
      part: index,
      reason: `The simulation stopped with an internal error: ${(error as Error).message}`,
    });
  }
}
