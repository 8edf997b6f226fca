import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { Provider } from './layout.ts';
import { prismaRoot } from './layout.ts';

/** Where the data lives: the provider follows from the URL's scheme. */
export interface DatabaseLocation {
  provider: Provider;
  url: string;
}

/** SQLite under data/ at the repository root: zero set-up for a first start. */
export const defaultSqliteFile = join(prismaRoot, '..', 'data', 'faultline.db');

/**
 * `postgres://` or `postgresql://` selects PostgreSQL; `file:` (or nothing) selects SQLite.
 * A relative SQLite path is taken from the repository root, so every service started from any
 * folder shares the same file.
 */
export function resolveDatabaseLocation(databaseUrl?: string): DatabaseLocation {
  if (!databaseUrl) return { provider: 'sqlite', url: `file:${defaultSqliteFile}` };
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    if (!URL.canParse(databaseUrl) || !new URL(databaseUrl).hostname) {
      throw new Error(`DATABASE_URL is not a valid PostgreSQL URL (${shownDatabaseUrl(databaseUrl)})`);
    }
    return { provider: 'postgresql', url: databaseUrl };
  }
  if (databaseUrl.startsWith('file:')) {
    const path = databaseUrl.slice('file:'.length);
    const absolute = path === ':memory:' || isAbsolute(path) ? path : join(prismaRoot, '..', path);
    return { provider: 'sqlite', url: `file:${absolute}` };
  }
  throw new Error(
    `DATABASE_URL must start with postgres://, postgresql:// or file: (got "${databaseUrl.split(':')[0]}:…")`,
  );
}

/** The URL as it may be shown in a message: any password replaced by ***. */
export function shownDatabaseUrl(databaseUrl: string): string {
  return databaseUrl.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*:)[^@/]*@/i, '$1***@');
}

export function sqlitePath(location: DatabaseLocation): string {
  return location.url.slice('file:'.length);
}

export function ensureSqliteFolder(location: DatabaseLocation): void {
  const path = sqlitePath(location);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
}
