// Applies the migrations under prisma/<provider>/migrations at start-up and records them in
// `_prisma_migrations` exactly as `prisma migrate deploy` does (same table, same SHA-256
// checksum), so a team can switch to the Prisma CLI at any time. Written against the drivers,
// not the Prisma client, because migration scripts hold many statements.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { migrationsFolder, type Provider } from './layout.ts';
import { ensureSqliteFolder, sqlitePath, type DatabaseLocation } from './location.ts';

export interface Migration {
  name: string;
  script: string;
  checksum: string;
}

interface AppliedMigration {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

/** Prisma normalises line endings before hashing so checksums match across platforms. */
export function migrationChecksum(script: string): string {
  return createHash('sha256').update(script.replace(/\r\n/g, '\n')).digest('hex');
}

export function readMigrations(provider: Provider): Migration[] {
  const folder = migrationsFolder(provider);
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const script = readFileSync(join(folder, name, 'migration.sql'), 'utf8');
      return { name, script, checksum: migrationChecksum(script) };
    });
}

/** Which migrations still need applying; throws when the history cannot be trusted. */
export function pendingMigrations(all: Migration[], applied: AppliedMigration[]): Migration[] {
  const known = new Map(all.map((m) => [m.name, m]));
  for (const row of applied) {
    if (row.rolled_back_at != null) continue;
    if (row.finished_at == null) {
      throw new Error(`Migration ${row.migration_name} failed earlier and was not rolled back; fix the database first`);
    }
    const migration = known.get(row.migration_name);
    if (!migration)
      throw new Error(`The database has migration ${row.migration_name}, which this version does not know`);
    if (migration.checksum !== row.checksum) {
      throw new Error(`Migration ${row.migration_name} was modified after it was applied`);
    }
  }
  const done = new Set(applied.filter((r) => r.rolled_back_at == null).map((r) => r.migration_name));
  return all.filter((m) => !done.has(m.name));
}

const SQLITE_HISTORY = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const POSTGRES_HISTORY = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// The advisory lock key Prisma's migrate uses, so our runner and the CLI exclude each other.
const PRISMA_ADVISORY_LOCK = 72707369;

function migrateSqlite(location: DatabaseLocation, all: Migration[]): string[] {
  ensureSqliteFolder(location);
  const db = new Database(sqlitePath(location));
  try {
    db.pragma('busy_timeout = 5000');
    db.exec(SQLITE_HISTORY);
    const applyAll = db.transaction(() => {
      const applied = db.prepare('SELECT * FROM "_prisma_migrations"').all() as AppliedMigration[];
      const pending = pendingMigrations(all, applied);
      const record = db.prepare(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES (?, ?, ?, ?, ?, 1)`,
      );
      for (const migration of pending) {
        const startedAt = Date.now();
        db.exec(migration.script);
        record.run(randomUUID(), migration.checksum, Date.now(), migration.name, startedAt);
      }
      return pending.map((m) => m.name);
    });
    // IMMEDIATE takes the write lock up front: two services starting together apply each
    // migration once.
    return applyAll.immediate();
  } finally {
    db.close();
  }
}

async function migratePostgres(location: DatabaseLocation, all: Migration[]): Promise<string[]> {
  // An unreachable host must stop the start with a message, not hang it.
  const client = new pg.Client({ connectionString: location.url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK]);
    await client.query(POSTGRES_HISTORY);
    const { rows } = await client.query<AppliedMigration>('SELECT * FROM "_prisma_migrations"');
    const pending = pendingMigrations(all, rows);
    for (const migration of pending) {
      const startedAt = new Date();
      await client.query('BEGIN');
      try {
        await client.query(migration.script);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), migration.checksum, migration.name, startedAt],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
    }
    return pending.map((m) => m.name);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK]).catch(() => {});
    await client.end();
  }
}

/** Brings the database up to date; returns the names of the migrations it applied. */
export async function applyMigrations(location: DatabaseLocation): Promise<string[]> {
  const all = readMigrations(location.provider);
  return location.provider === 'sqlite' ? migrateSqlite(location, all) : migratePostgres(location, all);
}
