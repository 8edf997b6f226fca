import { createScenarioRun, sloPassed } from '@faultline/runs';
import type { RunProgress } from '@faultline/schemas';
import type { WorkerMessage, WorkOrder } from './messages.ts';

/** Events per slice: small enough that progress is current, large enough that it costs nothing. */
const SLICE_EVENTS = 200_000;

/**
 * Runs one work order to its end, reporting progress at most every `progressIntervalMs` of wall
 * time. Failures of the run itself (past the event limit, an engine error) become a reason a
 * person can read, never a thrown error.
 */
export function simulateOrder(
  order: WorkOrder,
  post: (message: WorkerMessage) => void,
  clock: () => number = Date.now,
): void {
  const { runId, maxEvents } = order;
  try {
    const run = createScenarioRun(order.design, order.settings);
    let lastReport = clock();
    let progress: RunProgress = { simulatedMs: 0, totalMs: 0, events: 0, percent: 0 };
    while (!run.done) {
      const step = run.advance(SLICE_EVENTS);
      progress = { simulatedMs: step.simulatedMs, totalMs: step.totalMs, events: step.events, percent: step.percent };
      if (progress.events > maxEvents) {
        post({
          type: 'failed',
          runId,
          reason: `The run was stopped after ${progress.events.toLocaleString('en')} events, over the limit of ${maxEvents.toLocaleString('en')} events per run (at ${progress.percent} %). Shorten the duration or lower the load.`,
        });
        return;
      }
      if (clock() - lastReport >= order.progressIntervalMs) {
        lastReport = clock();
        post({ type: 'progress', runId, progress });
      }
    }
    const result = run.result();
    post({ type: 'succeeded', runId, body: JSON.stringify(result), sloPassed: sloPassed(result), progress });
  } catch (error) {
    post({
      type: 'failed',
      runId,
      reason: `The simulation stopped with an internal error: ${(error as Error).message}`,
    });
  }
}
