import type { DatabaseLocation, Prisma, PrismaDb } from '@faultline/db';

/** LIKE's wildcards and its escape character, each taken literally by PostgreSQL's default escape (\). */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Designs whose name holds `text` as typed, ignoring ASCII case, on both providers: `%` and `_`
 * are characters, not wildcards. Prisma's `contains` is a LIKE that leaves them active and names
 * no escape character; PostgreSQL escapes with a backslash by default, SQLite has none, so there
 * a name holding a wildcard is matched with instr() (ASCII-only lower(), like LIKE's folding).
 */
export async function nameContaining(
  db: PrismaDb,
  location: DatabaseLocation,
  text: string,
): Promise<Prisma.DesignWhereInput> {
  if (location.provider === 'postgresql') {
    return { name: { contains: escapeLike(text), mode: 'insensitive' } as Prisma.StringFilter<'Design'> };
  }
  if (!/[%_]/.test(text)) return { name: { contains: text } };
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Design" WHERE instr(lower("name"), lower(${text})) > 0`;
  return { id: { in: rows.map((row) => row.id) } };
}
