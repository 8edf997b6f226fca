import { availableParallelism, hostname } from 'node:os';
import { z } from 'zod';
import { checkRedis, PartWorker, redact, teamQueueEnvironment } from '@faultline/workers/flows';
import { CliError, EXIT } from '../cli-error.ts';

const WorkerEnvironment = z.object({
  ...teamQueueEnvironment,
  WORKERS: z.coerce.number().int().min(1).max(64).default(availableParallelism()),
});

/**
 * `faultline worker`: takes parts of runs from Redis and simulates them on its own threads, for
 * as long as it runs. It needs REDIS_URL alone (the design travels in each part). SIGTERM or
 * Ctrl-C hands the parts it holds back to the queue and exits 0.
 */
export async function worker(env: NodeJS.ProcessEnv, out: NodeJS.WritableStream): Promise<number> {
  const parsed = WorkerEnvironment.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new CliError(`worker: invalid environment:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  try {
    await checkRedis(config.REDIS_URL);
  } catch (error) {
    throw new CliError(`worker: ${(error as Error).message}`);
  }
  const parts = new PartWorker({
    redisUrl: config.REDIS_URL,
    prefix: config.QUEUE_PREFIX,
    threads: config.WORKERS,
    lockMs: config.PART_LOCK_MS,
  });
  parts.onError((error) => process.stderr.write(`faultline worker: Redis: ${error.message}\n`));
  await parts.ready();
  out.write(
    `faultline worker on ${hostname()} pid ${process.pid}: ${config.WORKERS} threads taking parts from ${redact(config.REDIS_URL)}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      out.write('faultline worker: stopping; parts in progress go back to the queue\n');
      void parts.close().then(resolve);
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  return EXIT.ok;
}
