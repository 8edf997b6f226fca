import type { PrismaDb } from '@faultline/db';

/**
 * Whether an error means the database cannot take the request (read-only, unreachable, full,
 * busy) rather than a bug: those answer 503 and turn /health to 503, with the reason in words.
 * Driver messages may name hosts and files, so only the reason leaves the service.
 */
export function storageTrouble(error: unknown): string | undefined {
  const codes = new Set<string>();
  const messages: string[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number) => {
    if (!value || typeof value !== 'object' || seen.has(value) || depth > 4) return;
    seen.add(value);
    const record = value as Record<string, unknown>;
    for (const key of ['code', 'originalCode', 'errno']) {
      if (typeof record[key] === 'string') codes.add(record[key]);
    }
    if (typeof record.message === 'string') {
      messages.push(record.message);
      // Raw queries carry the driver's code only in their message: "Code: `SQLITE_READONLY`".
      for (const match of record.message.matchAll(/Code: `(\w+)`/g)) codes.add(match[1]!);
    }
    for (const key of ['cause', 'meta', 'driverAdapterError']) visit(record[key], depth + 1);
  };
  visit(error, 0);
  const has = (test: (code: string) => boolean) => [...codes].some(test);
  const text = messages.join('\n');

  if (has((c) => c.startsWith('SQLITE_READONLY') || c === '25006') || /read-?only/i.test(text)) {
    return 'the database is read-only';
  }
  if (has((c) => c.startsWith('SQLITE_FULL') || c === '53100')) return 'the database is out of disk space';
  if (has((c) => c.startsWith('SQLITE_BUSY') || c.startsWith('SQLITE_LOCKED') || c === 'P2024' || c === 'P2028')) {
    return 'the database is too busy to answer in time';
  }
  if (
    has(
      (c) =>
        /^SQLITE_(IOERR|CANTOPEN|CORRUPT|NOTADB|PERM)/.test(c) ||
        /^(08|53|57|58)[0-9A-Z]{3}$/.test(c) ||
        c === '3D000' ||
        ['P1001', 'P1002', 'P1008', 'P1017'].includes(c) ||
        ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EPIPE'].includes(c),
    ) ||
    /connection terminated|server closed the connection|can't reach database/i.test(text)
  ) {
    return 'the database cannot be reached or failed to read or write';
  }
  return undefined;
}

/**
 * Checks the database can write: one harmless UPDATE of the migration history, rolled back. A
 * read-only database answers reads, so a read alone would call it healthy.
 */
export async function probeStorage(db: PrismaDb): Promise<string | undefined> {
  const rolledBack = new Error('rolled back on purpose');
  try {
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(
        `UPDATE "_prisma_migrations" SET "logs" = "logs" WHERE "id" = (SELECT "id" FROM "_prisma_migrations" LIMIT 1)`,
      );
      throw rolledBack;
    });
  } catch (error) {
    if (error === rolledBack) return undefined;
    return storageTrouble(error) ?? 'the database failed a test write';
  }
  return undefined;
}
