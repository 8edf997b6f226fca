// What SQL would bring a database migrated with the committed migrations up to the current
// Prisma schema. Empty when the two agree: the drift test asserts that; new-migration.ts writes it.
import { applyMigrations, createScratchDatabase, type Provider } from '../src/index.ts';
import { noFilters, openSchemaEngine, schemaFiles } from './schema-engine.ts';

export async function schemaChangeSinceMigrations(provider: Provider): Promise<string> {
  const scratch = await createScratchDatabase(provider);
  try {
    await applyMigrations(scratch.location);
    const engine = await openSchemaEngine(provider, scratch.location.url);
    try {
      const { stdout } = await engine.diff({
        from: { tag: 'schemaDatasource', ...schemaFiles(provider), configDir: '.' },
        to: { tag: 'schemaDatamodel', ...schemaFiles(provider) },
        script: true,
        exitCode: null,
        filters: noFilters,
      });
      return isEmptyScript(stdout ?? '') ? '' : (stdout ?? '');
    } finally {
      engine.free();
    }
  } finally {
    await scratch.drop();
  }
}

/** The engine answers an empty diff with a comment line only. */
function isEmptyScript(script: string): boolean {
  return script
    .split('\n')
    .map((line) => line.trim())
    .every((line) => line === '' || line.startsWith('--'));
}
