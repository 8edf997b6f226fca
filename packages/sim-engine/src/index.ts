export { simulate, createSimulation, type RunningSimulation, type SimulationOptions } from './simulate.ts';
export { ENGINE_VERSION } from './result.ts';
export { designHash } from './hash.ts';
export type { Progress } from './model/simulation.ts';
export { headlineMetrics, meanInterval, summariseReplications } from './stats/replications.ts';
