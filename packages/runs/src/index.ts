export { createScenarioRun, runScenario, sloPassed, type ScenarioRun } from './scenario-run.ts';
export { simulationCount } from './legs.ts';
export { checkSweep, sweepValues, withParameter } from './sweep.ts';
export { exportRun, type ExportContext, type RunExport } from './export/index.ts';
export { assemble, partsOf, startPart, type Part } from './parts.ts';
export { PartsProgress } from './parts-progress.ts';
export { runWork, type RunWork } from './limits/run-work.ts';
export {
  checkRunDuration,
  checkRunWork,
  DEFAULT_RUN_LIMITS,
  type RunLimitRefusal,
  type RunLimits,
} from './limits/run-limits.ts';
