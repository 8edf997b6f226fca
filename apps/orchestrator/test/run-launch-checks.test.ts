import { describe, expect, it } from 'vitest';
import { designHash } from '@faultline/sim-engine';
import {
  checkoutExample,
  DesignSchema,
  RunSettingsSchema,
  type RunSettingsInput,
  type StoredDesign,
} from '@faultline/schemas';
import { runLaunchChecks, type LaunchLimits } from '../src/run-launch-checks.ts';

const checkout = DesignSchema.parse(checkoutExample); // 200 requests/s
const stored: StoredDesign = {
  id: 'd1',
  version: 4,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
  ...checkout,
};
const limits: LaunchLimits = { MAX_RUN_DURATION_MS: 60_000, MAX_PENDING_RUNS: 3, MAX_EVENTS_PER_RUN: 36_000 };
const settings = (input: Partial<RunSettingsInput> = {}) =>
  RunSettingsSchema.parse({ durationMs: 60_000, warmupMs: 0, ...input });

/** The checks against a queue holding `pending` runs and a design service holding `designs`; what they looked up. */
function checker({ pending = 0, designs = [stored] }: { pending?: number; designs?: StoredDesign[] } = {}) {
  const looked: string[] = [];
  const check = runLaunchChecks(limits, {
    countPending: async () => (looked.push('queue'), pending),
    findDesign: async (id) => (looked.push(`design ${id}`), designs.find((d) => d.id === id) ?? null),
  });
  return { check, looked };
}

describe('run launch checks', () => {
  it('pass a run at every limit, and make it from the design as the design service holds it', async () => {
    const { check } = checker({ pending: 2 });
    // 200 requests/s for 60 s, each visiting users, api and db: 36,000 events, exactly the limit.
    expect(await check({ designId: 'd1', settings: settings() })).toEqual({
      ok: true,
      value: {
        designId: 'd1',
        designName: 'checkout',
        designVersion: 4,
        designHash: designHash(checkout),
        design: checkout,
        settings: settings(),
        totalMs: 60_000,
      },
    });
  });

  it('refuse a duration over the limit at /settings/durationMs, before looking anything up', async () => {
    const { check, looked } = checker();
    expect(await check({ designId: 'd1', settings: settings({ durationMs: 60_001 }) })).toEqual({
      ok: false,
      failure: {
        code: 'RUN_LIMIT_EXCEEDED',
        detail: 'A run may simulate at most 60000 ms',
        errors: [{ path: '/settings/durationMs', message: 'must be at most 60000' }],
      },
    });
    expect(looked).toEqual([]);
  });

  it('refuse a run when the queue is full, before reading the design', async () => {
    const { check, looked } = checker({ pending: 3 });
    expect(await check({ designId: 'd1', settings: settings() })).toEqual({
      ok: false,
      failure: {
        code: 'RUN_QUEUE_FULL',
        detail: '3 runs are already queued or running; wait for some to finish or cancel them',
      },
    });
    expect(looked).toEqual(['queue']);
  });

  it('refuse an unknown design at /designId', async () => {
    const { check } = checker();
    expect(await check({ designId: 'ghost', settings: settings() })).toEqual({
      ok: false,
      failure: {
        code: 'RUN_DESIGN_NOT_FOUND',
        detail: 'Design "ghost" does not exist',
        errors: [{ path: '/designId', message: 'no design has this id' }],
      },
    });
  });

  it('refuse a design that breaks a rule, with its field paths', async () => {
    const broken = { ...stored, id: 'd2', faults: [{ ...checkout.faults[0]!, target: { component: 'ghost' } }] };
    const { check } = checker({ designs: [broken] });
    expect(await check({ designId: 'd2', settings: settings() })).toEqual({
      ok: false,
      failure: {
        code: 'RUN_INVALID',
        detail: 'Design "d2" is not valid',
        errors: [{ path: '/faults/0/target/component', message: 'no component has id "ghost"' }],
      },
    });
  });

  it('refuse a sweep over something that is not a number of the design', async () => {
    const { check } = checker();
    const scenario = { kind: 'sweep', parameter: '/faults/0/params/mode', from: 0, to: 1, steps: 3 } as const;
    expect(await check({ designId: 'd1', settings: settings({ durationMs: 1_000, scenario }) })).toEqual({
      ok: false,
      failure: {
        code: 'RUN_INVALID',
        detail: 'The sweep does not fit the design',
        errors: [
          { path: '/settings/scenario/parameter', message: '/faults/0/params/mode is not a number in the design' },
        ],
      },
    });
  });

  it('refuse a run whose work passes the event limit, naming what multiplies it', async () => {
    const { check } = checker();
    // Two replications of 60 s at 200 requests/s, 3 components each: 72,000 events.
    expect(await check({ designId: 'd1', settings: settings({ replications: 2 }) })).toEqual({
      ok: false,
      failure: {
        code: 'RUN_LIMIT_EXCEEDED',
        detail:
          'The run is expected to take at least 72000 events, over the limit of 36000 events per run: 12000 requests per simulation (a peak of 200 per second for 60000 ms), each visiting 3 components, in 2 simulations',
        errors: [
          {
            path: '/settings/replications',
            message: '36000 events per simulation times 2: over the limit of 36000 events per run',
          },
        ],
      },
    });
    // Baseline and chaos: two simulations, twice the arrivals.
    const chaos = await check({ designId: 'd1', settings: settings({ scenario: { kind: 'baseline-vs-chaos' } }) });
    expect(chaos).toMatchObject({ ok: false, failure: { code: 'RUN_LIMIT_EXCEEDED' } });
  });
  it('refuse a spike of the load profile that multiplies the rate past the limit, naming it', async () => {
    const spiky: StoredDesign = {
      ...stored,
      id: 'spiky',
      workload: { ...stored.workload, profile: [{ kind: 'spike', atMs: 1_000, durationMs: 1, multiplier: 1e9 }] },
    };
    const { check } = checker({ designs: [spiky] });
    const refusal = await check({ designId: 'spiky', settings: settings() });
    expect(refusal).toMatchObject({ ok: false, failure: { code: 'RUN_LIMIT_EXCEEDED' } });
    expect(!refusal.ok && refusal.failure.errors).toEqual([
      {
        path: '/workload/arrival/ratePerSecond',
        message:
          'a peak of 200000000000 requests per second takes at least 3.60e13 events in one simulation, over the limit of 36000 events per run',
      },
      {
        path: '/workload/profile/0/multiplier',
        message:
          'multiplies the rate to a peak of 200000000000 requests per second, which takes at least 3.60e13 events in one simulation, over the limit of 36000 events per run',
      },
    ]);
  });

  it('refuse closed-loop users who never think, bounded by the service time they wait for', async () => {
    const closed: StoredDesign = {
      ...stored,
      id: 'closed',
      workload: {
        ...stored.workload,
        arrival: { kind: 'closed', users: 1_000_000, thinkTime: { kind: 'constant', value: 0 } },
      },
    };
    const { check } = checker({ designs: [closed] });
    const refusal = await check({ designId: 'closed', settings: settings() });
    expect(!refusal.ok && refusal.failure.errors?.map((e) => e.path)).toEqual(['/workload/arrival/users']);
  });
});
