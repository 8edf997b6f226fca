import fp from 'fastify-plugin';
import {
  applyMigrations,
  createPrismaClient,
  shownDatabaseUrl,
  type DatabaseLocation,
  type PrismaDb,
} from '@faultline/db';

declare module 'fastify' {
  interface FastifyInstance {
    db: PrismaDb;
    databaseLocation: DatabaseLocation;
  }
}

/** Migrates the database at start-up (creating a SQLite file if need be), then opens it. */
export default fp<{ location: DatabaseLocation }>(async (app, { location }) => {
  const applied = await applyMigrations(location).catch((error: unknown) => {
    // Whatever the driver says (refused, unknown host, no such database, a path that is a file),
    // the person starting the service needs to know which setting to fix.
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new Error(`DATABASE_URL (${shownDatabaseUrl(location.url)}) cannot be used: ${reason}`, { cause: error });
  });
  if (applied.length) app.log.info({ migrations: applied }, 'applied database migrations');
  const db = createPrismaClient(location);
  app.decorate('db', db);
  app.decorate('databaseLocation', location);
  app.addHook('onClose', async () => db.$disconnect());
});
