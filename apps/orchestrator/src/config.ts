import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { DEFAULT_RUN_LIMITS } from '@faultline/runs';
import { MAX_RUN_DURATION_MS, parseEnvironment } from '@faultline/schemas';
import { teamQueueEnvironment } from '@faultline/workers/flows';

const ConfigSchema = z
  .object({
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(8082),
    /** postgres:// for PostgreSQL; file: or unset for SQLite under data/. */
    DATABASE_URL: z.string().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Host names served (any port), comma-separated, or `*`; unset: localhost, 127.0.0.1, [::1] and HOST. */
    ALLOWED_HOSTS: z.string().optional(),
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(64 * 1024),
    /** Where designs are read from, over HTTP. */
    DESIGN_SERVICE_URL: z.url().default('http://127.0.0.1:8081'),
    /**
     * Simulations running at once, one per worker thread; by default one core is left for serving
     * HTTP. With REDIS_URL, 0 leaves every part to `faultline worker` processes.
     */
    WORKERS: z.coerce
      .number()
      .int()
      .min(0)
      .max(64)
      .default(Math.max(1, availableParallelism() - 1)),
    /** A team deployment when set: runs go to BullMQ on this Redis; QUEUE_PREFIX and PART_LOCK_MS with it. */
    REDIS_URL: teamQueueEnvironment.REDIS_URL.optional(),
    QUEUE_PREFIX: teamQueueEnvironment.QUEUE_PREFIX,
    PART_LOCK_MS: teamQueueEnvironment.PART_LOCK_MS,
    /** Runs queued or running at once; past it, 429. */
    MAX_PENDING_RUNS: z.coerce.number().int().min(1).default(100),
    /** Longest simulated duration of one simulation. */
    MAX_RUN_DURATION_MS: z.coerce.number().int().min(1).max(MAX_RUN_DURATION_MS).default(MAX_RUN_DURATION_MS),
    /** Events one run may process (all its simulations together); a run past it fails and says so. */
    MAX_EVENTS_PER_RUN: z.coerce.number().int().min(1).max(2_000_000_000).default(DEFAULT_RUN_LIMITS.maxEventsPerRun),
    /** Wall-clock time one run may take once started (all its parts); a run past it fails and says so. */
    MAX_RUN_WALL_MS: z.coerce
      .number()
      .int()
      .min(1000)
      .max(7 * 24 * 3_600_000)
      .default(3_600_000),
    /** An event stream is closed after this long with a `retry:` hint; the client reconnects and reads the current state. */
    STREAM_MAX_MS: z.coerce
      .number()
      .int()
      .min(1)
      .default(5 * 60 * 1000),
  })
  .refine((config) => config.WORKERS > 0 || config.REDIS_URL, {
    path: ['WORKERS'],
    message: 'must be at least 1 without REDIS_URL (no worker would run the parts)',
  });
export type Config = z.infer<typeof ConfigSchema>;

/** The only place that reads the environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parseEnvironment(ConfigSchema, env, 'the orchestrator');
}
