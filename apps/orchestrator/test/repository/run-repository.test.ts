import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, createPrismaClient, createScratchDatabase, type ScratchDatabase } from '@faultline/db';
import { checkoutExample, DesignSchema, RunSettingsSchema } from '@faultline/schemas';
import { runRepository, type RunRepository } from '../../src/repository/run-repository.ts';
import { provider } from '../helper.ts';

// The repository on its own, without HTTP: absence and refused status changes are values.
describe(`run repository on ${provider}`, () => {
  let scratch: ScratchDatabase;
  let db: ReturnType<typeof createPrismaClient>;
  let runs: RunRepository;
  beforeAll(async () => {
    scratch = await createScratchDatabase(provider);
    await applyMigrations(scratch.location);
    db = createPrismaClient(scratch.location);
    runs = runRepository(db, provider);
  }, 60_000);
  afterAll(async () => {
    await db?.$disconnect();
    await scratch?.drop();
  });

  const newRun = () => ({
    designId: 'd1',
    designName: 'checkout',
    designVersion: 1,
    designHash: 'hash',
    design: DesignSchema.parse(checkoutExample),
    settings: RunSettingsSchema.parse({ durationMs: 1_000 }),
    totalMs: 1_000,
  });

  it('reads no run as null', async () => {
    expect(await runs.get('ghost')).toBeNull();
  });

  it('reads back a run as created, and refuses to finish a cancelled one', async () => {
    const created = (await runs.create(newRun(), 10))!;
    expect(await runs.get(created.id)).toEqual(created);
    expect(created).toMatchObject({ status: 'queued', progress: { totalMs: 1_000, percent: 0 } });
    expect(await runs.start(created.id)).toMatchObject({ id: created.id, design: newRun().design });
    expect(await runs.cancel(created.id)).toBe(true);
    expect(await runs.fail(created.id, 'too late')).toBe(false);
    expect(await runs.cancel(created.id)).toBe(false);
    expect(await runs.get(created.id)).toMatchObject({ status: 'cancelled', error: null });
  });

  it('never queues more than the pending limit, however many launches race for the last places', async () => {
    await db.run.deleteMany();
    const launches = await Promise.all(Array.from({ length: 60 }, () => runs.create(newRun(), 40)));
    expect(launches.filter((run) => run !== null)).toHaveLength(40);
    expect(await runs.countPending()).toBe(40);
  });
});
