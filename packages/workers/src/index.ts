export { ActiveRun } from './active-run.ts';
export type { PartOrder, PartOutcome, PartProgress, WorkerMessage } from './messages.ts';
export { runOnThreads } from './run-on-threads.ts';
export { overEventLimit, overWallClock } from './simulate-part.ts';
export { WorkerPool } from './worker-pool.ts';
