import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { resolveDatabaseLocation, type DatabaseLocation } from '@faultline/db';
import { allowedHostsFrom, createService, database, health, openapi } from '@faultline/service-kit';
import type { Config } from './config.ts';
import yamlBody from './plugins/yaml-body.ts';
import designRepository from './repository/design-repository.ts';
import designs from './routes/api/designs/index.ts';
import faults from './routes/api/designs/faults.ts';
import resilience from './routes/api/designs/resilience.ts';
import transfer from './routes/api/designs/transfer.ts';
import templates from './routes/api/templates/index.ts';

export interface AppOptions {
  config: Pick<Config, 'LOG_LEVEL' | 'BODY_LIMIT_BYTES'> & Partial<Pick<Config, 'HOST' | 'ALLOWED_HOSTS'>>;
  database: DatabaseLocation;
  logger?: FastifyServerOptions['logger'];
}

/** Builds the design service; server.ts listens, tests use `inject`. */
export async function buildApp({ config, database: location, logger }: AppOptions): Promise<FastifyInstance> {
  const app = await createService({
    logLevel: config.LOG_LEVEL,
    bodyLimit: config.BODY_LIMIT_BYTES,
    logger,
    allowedHosts: allowedHostsFrom(config.ALLOWED_HOSTS, config.HOST),
  });
  await app.register(yamlBody);
  await app.register(openapi, {
    title: 'Faultline design service',
    description: 'Designs with their components, connections, faults, resilience policies, workload and SLOs.',
    tags: ['designs', 'faults', 'resilience', 'transfer', 'templates'],
    routePrefix: '/docs',
  });
  await app.register(database, { location });
  await app.register(designRepository);

  await app.register(health(() => app.db.design.count({ take: 1 })));
  await app.register(
    async (api) => {
      await api.register(designs);
      await api.register(faults);
      await api.register(resilience);
      await api.register(transfer);
    },
    { prefix: '/api/designs' },
  );
  await app.register(templates, { prefix: '/api/templates' });
  await app.ready();
  return app;
}

export function databaseFromConfig(config: Pick<Config, 'DATABASE_URL'>): DatabaseLocation {
  return resolveDatabaseLocation(config.DATABASE_URL);
}
