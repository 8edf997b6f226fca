import fp from 'fastify-plugin';
import { RunQueue, type RunQueueOptions } from '../run-queue/run-queue.ts';

declare module 'fastify' {
  interface FastifyInstance {
    runQueue: RunQueue;
  }
}

/** The queue starts taking up runs once the app is ready, and hands them back on close. */
export default fp<RunQueueOptions>(async (app, options) => {
  const queue = new RunQueue(app.runs, app.log, options);
  app.decorate('runQueue', queue);
  app.addHook('onReady', () => queue.resume());
  app.addHook('preClose', () => queue.close());
});
