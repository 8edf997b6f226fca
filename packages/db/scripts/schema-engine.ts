// Dev-time access to Prisma's schema engine, compiled to WASM: the engine binary that the
// Prisma CLI downloads cannot be fetched on these machines. Used to write new migrations and to
// check that the migrations and the schema have not drifted apart. Never used by the services,
// which apply migrations with src/migrate.ts.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine, MigrationList, SchemasContainer } from '@prisma/schema-engine-wasm';
import { schemaFolder, migrationsFolder, type Provider } from '../src/layout.ts';

const require = createRequire(import.meta.url);

let instantiated = false;
async function instantiate(): Promise<void> {
  if (instantiated) return;
  // Node 20 cannot import a .wasm module directly: build the instance by hand.
  const pkg = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const wasmPath = join(dirname(pkg), 'schema_engine_bg.wasm');
  const module = await WebAssembly.compile(readFileSync(wasmPath));
  const instance = await WebAssembly.instantiate(module, { './schema_engine_bg.js': glue as never });
  (glue as unknown as { __wbg_set_wasm(e: unknown): void }).__wbg_set_wasm(instance.exports);
  (instance.exports as unknown as { __wbindgen_start(): void }).__wbindgen_start();
  instantiated = true;
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * The engine's catalog queries return PostgreSQL's one-byte `"char"` type (pg_class.relkind and
 * friends), which adapter-pg refuses to map. pg already hands those values over as strings, so
 * relabelling the column as text is all the engine needs.
 */
class CatalogFriendlyPool extends pg.Pool {
  override query(...args: unknown[]): never {
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (!(result instanceof Promise)) return result as never;
    return result.then((r: pg.QueryResult) => {
      for (const field of r.fields ?? []) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
      return r;
    }) as never;
  }
}

export function schemaFiles(provider: Provider): SchemasContainer {
  const folder = schemaFolder(provider);
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.prisma'))
    .sort()
    .map((f) => ({ path: join(folder, f), content: readFileSync(join(folder, f), 'utf8') }));
  return { files };
}

export function migrationList(provider: Provider): MigrationList {
  const baseDir = migrationsFolder(provider);
  const dirs = readdirSync(baseDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: readFileSync(join(baseDir, 'migration_lock.toml'), 'utf8') },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((path) => ({
      path,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: readFileSync(join(baseDir, path, 'migration.sql'), 'utf8') },
      },
    })),
  } as MigrationList;
}

/** An engine connected to the database at `url` (SQLite file URL or PostgreSQL URL). */
export async function openSchemaEngine(provider: Provider, url: string): Promise<SchemaEngine> {
  await instantiate();
  const factory =
    provider === 'sqlite'
      ? new (await import('@prisma/adapter-better-sqlite3')).PrismaBetterSqlite3({ url })
      : new (await import('@prisma/adapter-pg')).PrismaPg(new CatalogFriendlyPool({ connectionString: url }));
  const adapter = bindMigrationAwareSqlAdapterFactory(factory as never);
  const engine = glue.SchemaEngine as unknown as typeof SchemaEngine;
  return engine.new({ datamodels: schemaFiles(provider).files.map((f) => [f.path, f.content]) }, () => {}, adapter);
}

export const noFilters = { externalTables: [], externalEnums: [] };
