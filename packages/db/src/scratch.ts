// Throw-away databases for tests: a fresh SQLite file or a fresh PostgreSQL database, migrated,
// dropped afterwards. Lets the same suites run on both providers in parallel without sharing rows.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Provider } from './layout.ts';
import type { PrismaDb } from './client.ts';
import type { DatabaseLocation } from './location.ts';

export interface ScratchDatabase {
  location: DatabaseLocation;
  /**
   * Makes writes fail at the database as a read-only database fails them (tests run as root, so
   * file permissions cannot): SQLite's `query_only` on the client's connection, PostgreSQL's
   * `default_transaction_read_only` with the open sessions ended so the pool reconnects.
   */
  setReadOnly(readOnly: boolean, client: PrismaDb): Promise<void>;
  drop(): Promise<void>;
}

/** The PostgreSQL server used by tests; its default is the one these machines run. */
export const testPostgresUrl = (): string =>
  process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export async function createScratchDatabase(provider: Provider): Promise<ScratchDatabase> {
  const name = `faultline_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  if (provider === 'sqlite') {
    const file = join(tmpdir(), `${name}.db`);
    return {
      location: { provider, url: `file:${file}` },
      setReadOnly: async (readOnly, db) => {
        await db.$executeRawUnsafe(`PRAGMA query_only = ${readOnly ? 'ON' : 'OFF'}`);
      },
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
      },
    };
  }
  const admin = new URL(testPostgresUrl());
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    location: { provider, url: url.toString() },
    setReadOnly: async (readOnly) => {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`ALTER DATABASE "${name}" SET default_transaction_read_only = ${readOnly ? 'on' : 'off'}`);
      await c.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
      await c.end();
    },
    drop: async () => {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
