import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export type Provider = 'sqlite' | 'postgresql';

/** The repository's prisma/ folder: one sub-folder per provider, each with its migrations. */
export const prismaRoot = fileURLToPath(new URL('../../../prisma/', import.meta.url));

export const schemaFolder = (provider: Provider): string => join(prismaRoot, provider);
export const migrationsFolder = (provider: Provider): string => join(prismaRoot, provider, 'migrations');
