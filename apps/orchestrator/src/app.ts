import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { DatabaseLocation } from '@faultline/db';
import { allowedHostsFrom, createService, database, health, openapi } from '@faultline/service-kit';
import type { Config } from './config.ts';
import designClient from './plugins/design-client.ts';
import runQueue from './plugins/run-queue.ts';
import runRepository from './repository/run-repository.ts';
import runs from './routes/api/runs/index.ts';
import runEvents from './routes/api/runs/events.ts';
import scenarioPresets from './routes/api/scenario-presets.ts';

export interface AppOptions {
  config: Omit<Config, 'HOST' | 'PORT' | 'DATABASE_URL' | 'STREAM_MAX_MS' | 'QUEUE_PREFIX' | 'PART_LOCK_MS'> &
    Partial<Pick<Config, 'HOST' | 'STREAM_MAX_MS' | 'QUEUE_PREFIX' | 'PART_LOCK_MS'>>;
  database: DatabaseLocation;
  logger?: FastifyServerOptions['logger'];
  /** How often workers report progress; tests shorten it. */
  progressIntervalMs?: number;
  /** Waits between tries of writing a run's end; tests shorten them. */
  writeRetryDelaysMs?: readonly number[];
  /** With REDIS_URL: how often unfinished runs are checked against Redis; tests shorten it. */
  reconcileIntervalMs?: number;
}

/** About 6 s of tries: a database that is busy or read-only for a moment loses no result. */
const WRITE_RETRY_DELAYS_MS = [100, 200, 400, 800, 1_600, 3_200];

/** Builds the orchestrator; server.ts listens, tests use `inject` or listen on a free port. */
export async function buildApp({
  config,
  database: location,
  logger,
  progressIntervalMs = 250,
  writeRetryDelaysMs = WRITE_RETRY_DELAYS_MS,
  reconcileIntervalMs = 30_000,
}: AppOptions): Promise<FastifyInstance> {
  const app = await createService({
    logLevel: config.LOG_LEVEL,
    bodyLimit: config.BODY_LIMIT_BYTES,
    logger,
    allowedHosts: allowedHostsFrom(config.ALLOWED_HOSTS, config.HOST),
  });
  await app.register(openapi, {
    title: 'Faultline orchestrator',
    description: 'Runs of designs through the simulation engine: launch, follow, cancel, results and exports.',
    tags: ['runs', 'scenario presets'],
    // Beside the design service's /docs behind the one origin.
    routePrefix: '/docs/runs',
  });
  await app.register(database, { location });
  await app.register(runRepository);
  await app.register(designClient, { baseUrl: config.DESIGN_SERVICE_URL });
  await app.register(runQueue, {
    redisUrl: config.REDIS_URL,
    prefix: config.QUEUE_PREFIX,
    lockMs: config.PART_LOCK_MS,
    reconcileIntervalMs,
    workers: config.WORKERS,
    maxEventsPerRun: config.MAX_EVENTS_PER_RUN,
    maxRunWallMs: config.MAX_RUN_WALL_MS,
    // A run is given up after three starts that each ended with the process (SPEC: no crash loop).
    maxAttempts: 3,
    progressIntervalMs,
    persistIntervalMs: 1_000,
    writeRetryDelaysMs,
  });

  await app.register(health(() => app.db.run.count({ take: 1 })));
  await app.register(
    async (api) => {
      await api.register(runs, { limits: config });
      await api.register(runEvents, { maxStreamMs: config.STREAM_MAX_MS });
    },
    { prefix: '/api/runs' },
  );
  await app.register(scenarioPresets, { prefix: '/api/scenario-presets' });
  await app.ready();
  return app;
}
