export type { Provider } from './layout.ts';
export { resolveDatabaseLocation, shownDatabaseUrl, type DatabaseLocation } from './location.ts';
export { applyMigrations, readMigrations, migrationChecksum } from './migrate.ts';
export { createPrismaClient, type PrismaDb } from './client.ts';
export { createScratchDatabase, testPostgresUrl, type ScratchDatabase } from './scratch.ts';
export { Prisma } from './generated/sqlite/client.ts';
