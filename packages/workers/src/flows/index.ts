export { partFailure, partRecord, PART_STOPPED, type PartJob } from './part-records.ts';
export { PartWorker, type PartWorkerOptions } from './part-worker.ts';
export * from './queues.ts';
export { checkRedis, redact, redisConnection } from './redis.ts';
export { runFlow, type FlowLimits } from './run-flow.ts';
export { teamQueueEnvironment } from './environment.ts';
