import { randomUUID } from 'node:crypto';
import fp from 'fastify-plugin';
import type { DatabaseLocation, PrismaDb } from '@faultline/db';
import { fail, ok } from '@faultline/service-kit';
import {
  validateDesign,
  type Design,
  type DesignPage,
  type FieldIssue,
  type ListDesignsQuery,
  type StoredDesign,
} from '@faultline/schemas';
import {
  designNotFound,
  invalidDesign,
  versionConflict,
  type DesignFailure,
  type DesignResult,
} from '../design-failures.ts';
import type { DesignEdit } from '../design-parts.ts';
import {
  componentRow,
  connectionRow,
  DESIGN_WITH_CHILDREN,
  faultRow,
  resilienceRows,
  storedDesignFromRows,
} from './design-rows.ts';
import { nameContaining } from './name-search.ts';
import { oneAtATimePerKey } from './one-at-a-time.ts';

type Tx = Parameters<Parameters<PrismaDb['$transaction']>[0]>[0];

/** How often an edit without If-Match is tried after losing a race to another writer. */
const MAX_EDIT_ATTEMPTS = 100;

/**
 * Designs in the database. Whatever the caller can get wrong (an unknown id, a stale version, a
 * change that breaks a rule) comes back as a DesignFailure, never as an HTTP error: the routes
 * decide how to answer it. A failure is always decided before the first write, so returning one
 * from inside a transaction commits nothing.
 */
export interface DesignRepository {
  list(query: ListDesignsQuery): Promise<DesignPage>;
  get(id: string): Promise<DesignResult<StoredDesign>>;
  create(design: Design): Promise<StoredDesign>;
  /** Replaces a design if it is still at `expectedVersion`; else DESIGN_VERSION_CONFLICT. */
  replace(id: string, design: Design, expectedVersion: number): Promise<DesignResult<StoredDesign>>;
  /** Edits part of a design; the whole result is validated before anything is written. */
  change(id: string, edit: DesignEdit, expectedVersion?: number): Promise<DesignResult<StoredDesign>>;
  remove(id: string): Promise<DesignResult<void>>;
}

declare module 'fastify' {
  interface FastifyInstance {
    designs: DesignRepository;
  }
}

export function createDesignRepository(db: PrismaDb, location: DatabaseLocation): DesignRepository {
  async function insertChildren(tx: Tx, designId: string, design: Design): Promise<void> {
    await tx.component.createMany({ data: design.components.map((c, i) => componentRow(designId, c, i)) });
    const policies = design.components.flatMap((c) => resilienceRows(designId, c));
    if (policies.length) await tx.resilienceConfig.createMany({ data: policies });
    if (design.connections.length) {
      await tx.connection.createMany({ data: design.connections.map((c, i) => connectionRow(designId, c, i)) });
    }
    if (design.faults.length)
      await tx.faultInjection.createMany({ data: design.faults.map((f, i) => faultRow(designId, f, i)) });
  }

  async function find(tx: Tx | PrismaDb, id: string): Promise<StoredDesign | null> {
    const row = await tx.design.findUnique({ where: { id }, include: DESIGN_WITH_CHILDREN });
    return row && storedDesignFromRows(row);
  }

  async function read(tx: Tx | PrismaDb, id: string): Promise<DesignResult<StoredDesign>> {
    const design = await find(tx, id);
    return design ? ok(design) : fail(designNotFound(id));
  }

  /**
   * The version check and the write happen in one statement, so a concurrent writer cannot slip
   * in between. Returns why nothing was written, or nothing.
   */
  async function overwrite(
    tx: Tx,
    id: string,
    design: Design,
    expectedVersion: number,
  ): Promise<DesignFailure | undefined> {
    const { count } = await tx.design.updateMany({
      where: { id, version: expectedVersion },
      data: {
        name: design.name,
        description: design.description,
        workload: design.workload,
        slo: design.slo,
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      const current = await tx.design.findUnique({ where: { id }, select: { version: true } });
      return current ? versionConflict(id, current.version, expectedVersion) : designNotFound(id);
    }
    await tx.component.deleteMany({ where: { designId: id } });
    await tx.connection.deleteMany({ where: { designId: id } });
    await tx.faultInjection.deleteMany({ where: { designId: id } });
    await insertChildren(tx, id, design);
  }

  const editsOfOneDesign = oneAtATimePerKey();

  /** One read-modify-write of a design, at `expectedVersion` or at whatever version it has now. */
  async function changeOnce(
    id: string,
    edit: DesignEdit,
    expectedVersion: number | undefined,
  ): Promise<DesignResult<StoredDesign>> {
    return db.$transaction(async (tx): Promise<DesignResult<StoredDesign>> => {
      const current = await read(tx, id);
      if (!current.ok) return current;
      const { id: _id, version, createdAt: _c, updatedAt: _u, ...design } = current.value;
      if (expectedVersion !== undefined && expectedVersion !== version) {
        return fail(versionConflict(id, version, expectedVersion));
      }
      const edited = edit(design);
      if (!edited.ok) return edited;
      const result = validateDesign(edited.value.design);
      if (!result.success) {
        return fail(
          invalidDesign('The change would make the design invalid', relativeTo(edited.value.bodyPath, result.issues)),
        );
      }
      const refused = await overwrite(tx, id, result.design, version);
      return refused ? fail(refused) : read(tx, id);
    });
  }

  return {
    async list({ page, pageSize, sort, q }) {
      const where = q ? await nameContaining(db, location, q) : {};
      const field = sort.replace('-', '') as 'updatedAt' | 'name';
      const [rows, total] = await Promise.all([
        db.design.findMany({
          where,
          orderBy: [{ [field]: sort.startsWith('-') ? 'desc' : 'asc' }, { id: 'asc' }],
          skip: (page - 1) * pageSize,
          take: pageSize,
          include: { _count: { select: { components: true, faults: true } } },
        }),
        db.design.count({ where }),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          description: r.description,
          version: r.version,
          components: r._count.components,
          faults: r._count.faults,
          createdAt: r.createdAt.toISOString(),
          updatedAt: r.updatedAt.toISOString(),
        })),
        page,
        pageSize,
        total,
      };
    },

    get: (id) => read(db, id),

    async create(design) {
      const id = randomUUID();
      return db.$transaction(async (tx) => {
        await tx.design.create({
          data: { id, name: design.name, description: design.description, workload: design.workload, slo: design.slo },
        });
        await insertChildren(tx, id, design);
        // Read back inside the transaction that wrote it, so it is there.
        return (await find(tx, id))!;
      });
    },

    async replace(id, design, expectedVersion) {
      return db.$transaction(async (tx) => {
        const refused = await overwrite(tx, id, design, expectedVersion);
        return refused ? fail(refused) : read(tx, id);
      });
    },

    async change(id, edit, expectedVersion) {
      // Without If-Match an edit applies to the latest version: a writer that lost the race (to
      // another process, or to a whole-design PUT) reads the design again and applies its edit
      // there. SQLite queues writers behind its one write lock; PostgreSQL lets them all read at
      // once and each round lets one win, so the attempts cover many writers at once.
      for (let attempt = 1; ; attempt++) {
        const result = await editsOfOneDesign(id, () => changeOnce(id, edit, expectedVersion));
        const lostRace = !result.ok && result.failure.code === 'DESIGN_VERSION_CONFLICT';
        if (!lostRace || expectedVersion !== undefined || attempt >= MAX_EDIT_ATTEMPTS) return result;
        // A short random pause spreads the losers out so they do not collide again in step.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(attempt, 10) * 5));
      }
    },

    async remove(id) {
      const { count } = await db.design.deleteMany({ where: { id } });
      return count === 0 ? fail(designNotFound(id)) : ok(undefined);
    },
  };
}

/** Issues inside the submitted part are reported relative to the body; others keep their design path. */
function relativeTo(bodyPath: string | undefined, issues: FieldIssue[]): FieldIssue[] {
  if (!bodyPath) return issues;
  return issues.map((issue) =>
    issue.path === bodyPath || issue.path.startsWith(bodyPath + '/')
      ? { ...issue, path: issue.path.slice(bodyPath.length) }
      : issue,
  );
}

export default fp(async (app) => {
  app.decorate('designs', createDesignRepository(app.db, app.databaseLocation));
});
