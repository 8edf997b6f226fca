import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from './generated/sqlite/client.ts';
import { PrismaClient as PostgresClient } from './generated/postgresql/client.ts';
import { ensureSqliteFolder, type DatabaseLocation } from './location.ts';

/**
 * Both generated clients come from the same models, so they share one API; the SQLite client's
 * type stands for both. (PostgreSQL adds case-insensitive `mode` on string filters: see the
 * design service's name search.)
 */
export type PrismaDb = SqliteClient;

export function createPrismaClient(location: DatabaseLocation): PrismaDb {
  if (location.provider === 'sqlite') {
    ensureSqliteFolder(location);
    return new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: location.url }) });
  }
  return new PostgresClient({ adapter: new PrismaPg({ connectionString: location.url }) }) as unknown as PrismaDb;
}
