import { describe, expect, it } from 'vitest';
import {
  applyMigrations,
  createPrismaClient,
  createScratchDatabase,
  readMigrations,
  type Provider,
} from '../src/index.ts';
import { migrationList, noFilters, openSchemaEngine } from '../scripts/schema-engine.ts';
import { schemaChangeSinceMigrations } from '../scripts/schema-change.ts';
import { pendingMigrations } from '../src/migrate.ts';

describe.each(['sqlite', 'postgresql'] as Provider[])('migrations on %s', (provider) => {
  it('describe exactly the Prisma schema (fails when the two drift)', async () => {
    expect(await schemaChangeSinceMigrations(provider)).toBe('');
  }, 60_000);

  it('are recorded so that Prisma migrate sees a clean, complete history', async () => {
    const scratch = await createScratchDatabase(provider);
    try {
      const applied = await applyMigrations(scratch.location);
      expect(applied).toEqual(readMigrations(provider).map((m) => m.name));
      const engine = await openSchemaEngine(provider, scratch.location.url);
      try {
        const diagnosis = await engine.diagnoseMigrationHistory({
          migrationsList: migrationList(provider),
          optInToShadowDatabase: false,
          filters: noFilters,
        });
        expect(diagnosis.history).toBeNull();
        expect(diagnosis.failedMigrationNames).toEqual([]);
        expect(diagnosis.editedMigrationNames).toEqual([]);
        const again = await engine.applyMigrations({ migrationsList: migrationList(provider), filters: noFilters });
        expect(again.appliedMigrationNames).toEqual([]);
      } finally {
        engine.free();
      }
    } finally {
      await scratch.drop();
    }
  }, 60_000);

  it('apply once: a second start applies nothing and the tables work', async () => {
    const scratch = await createScratchDatabase(provider);
    try {
      await applyMigrations(scratch.location);
      expect(await applyMigrations(scratch.location)).toEqual([]);
      const prisma = createPrismaClient(scratch.location);
      try {
        expect(await prisma.design.count()).toBe(0);
      } finally {
        await prisma.$disconnect();
      }
    } finally {
      await scratch.drop();
    }
  }, 60_000);
});

describe('migration history checks', () => {
  const [first] = readMigrations('sqlite');
  const row = (over: object) => ({
    migration_name: first!.name,
    checksum: first!.checksum,
    finished_at: 1,
    rolled_back_at: null,
    ...over,
  });

  it('refuse a migration edited after it was applied', () => {
    expect(() => pendingMigrations([first!], [row({ checksum: 'f'.repeat(64) })])).toThrow(
      /modified after it was applied/,
    );
  });

  it('refuse a database left by a failed migration', () => {
    expect(() => pendingMigrations([first!], [row({ finished_at: null })])).toThrow(/failed earlier/);
  });

  it('refuse a database from a newer version', () => {
    expect(() => pendingMigrations([], [row({})])).toThrow(/does not know/);
  });
});
