import fp from 'fastify-plugin';
import { applyMigrations, createPrismaClient, type DatabaseLocation, type PrismaDb } from '@faultline/db';

declare module 'fastify' {
  interface FastifyInstance {
    db: PrismaDb;
    databaseLocation: DatabaseLocation;
  }
}

/** Migrates the database at start-up (creating a SQLite file if need be), then opens it. */
export default fp<{ location: DatabaseLocation }>(async (app, { location }) => {
  const applied = await applyMigrations(location);
  if (applied.length) app.log.info({ migrations: applied }, 'applied database migrations');
  const db = createPrismaClient(location);
  app.decorate('db', db);
  app.decorate('databaseLocation', location);
  app.addHook('onClose', async () => db.$disconnect());
});
