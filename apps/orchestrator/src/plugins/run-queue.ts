import fp from 'fastify-plugin';
import { FlowRunQueue, type FlowRunQueueOptions } from '../run-queue/flow-run-queue.ts';
import { RunQueue, type RunQueueOptions } from '../run-queue/run-queue.ts';
import type { RunScheduler } from '../run-queue/scheduler.ts';

declare module 'fastify' {
  interface FastifyInstance {
    runQueue: RunScheduler;
  }
}

export type RunQueuePluginOptions = RunQueueOptions &
  Partial<Pick<FlowRunQueueOptions, 'redisUrl' | 'prefix' | 'lockMs' | 'reconcileIntervalMs'>>;

/**
 * Runs go to BullMQ on Redis when REDIS_URL is set (a team deployment), else to this process's
 * worker threads. The queue starts taking up runs once the app is ready, and hands them back on close.
 */
export default fp<RunQueuePluginOptions>(async (app, options) => {
  const { redisUrl } = options;
  const queue: RunScheduler = redisUrl
    ? new FlowRunQueue(app.runs, app.log, {
        ...options,
        redisUrl,
        prefix: options.prefix ?? 'faultline',
        lockMs: options.lockMs ?? 30_000,
        reconcileIntervalMs: options.reconcileIntervalMs ?? 30_000,
      })
    : new RunQueue(app.runs, app.log, options);
  app.decorate('runQueue', queue);
  app.addHook('onReady', () => queue.resume());
  app.addHook('preClose', () => queue.close());
});
