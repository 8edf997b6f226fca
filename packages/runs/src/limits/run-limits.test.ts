import { describe, expect, it } from 'vitest';
import {
  checkoutExample,
  DesignSchema,
  RunSettingsSchema,
  type DesignInput,
  type RunSettingsInput,
} from '@faultline/schemas';
import { checkRunDuration, checkRunWork, type RunLimits } from './run-limits.ts';
import { runWork } from './run-work.ts';

// The checkout example: 200 requests/s, each visiting users, api and db.
const design = (edit: (d: DesignInput) => void = () => {}) => {
  const input: DesignInput = structuredClone(checkoutExample);
  edit(input);
  return DesignSchema.parse(input);
};
const settings = (input: Partial<RunSettingsInput> = {}) => RunSettingsSchema.parse({ durationMs: 60_000, ...input });
const limits = (maxEventsPerRun: number): RunLimits => ({ maxRunDurationMs: 60_000, maxEventsPerRun });
const paths = (refusal: ReturnType<typeof checkRunWork>) => refusal?.errors.map((e) => e.path);

describe('the work a run implies', () => {
  it('is the requests at the base rate times the components each visits', () => {
    expect(runWork(design(), settings())).toMatchObject({ requests: 12_000, visitsPerRequest: 3, events: 36_000 });
    expect(checkRunWork(design(), settings(), limits(36_000))).toBeNull();
    const refusal = checkRunWork(design(), settings(), limits(35_999));
    expect(refusal?.detail).toBe(
      'The run is expected to take at least 36000 events, over the limit of 35999 events per run: 12000 requests ' +
        'per simulation (a peak of 200 per second for 60000 ms), each visiting 3 components, in 1 simulation',
    );
    expect(refusal?.errors).toEqual([
      {
        path: '/workload/arrival/ratePerSecond',
        message:
          'a peak of 200 requests per second takes at least 36000 events in one simulation, over the limit of 35999 events per run',
      },
    ]);
  });

  it('refuses a rate of 1e308 without overflowing into a number nobody can read', () => {
    const refusal = checkRunWork(
      design((d) => (d.workload.arrival = { kind: 'poisson', ratePerSecond: 1e308 })),
      settings(),
      limits(1e9),
    );
    expect(refusal?.errors[0]?.message).toMatch(
      /^a peak of 1.00e308 requests per second takes at least unbounded events/,
    );
  });

  it('takes the peak of the load profile: a spike multiplies whatever rate holds', () => {
    const spiky = design(
      (d) => (d.workload.profile = [{ kind: 'spike', atMs: 10_000, durationMs: 1, multiplier: 1e9 }]),
    );
    expect(runWork(spiky, settings()).peakRate).toBe(200e9);
    expect(paths(checkRunWork(spiky, settings(), limits(1e9)))).toEqual([
      '/workload/arrival/ratePerSecond',
      '/workload/profile/0/multiplier',
    ]);
    const phase = design(
      (d) =>
        (d.workload.profile = [
          { kind: 'constant', ratePerSecond: 100, durationMs: 1_000 },
          { kind: 'ramp', from: 100, to: 1e12, durationMs: 1_000 },
        ]),
    );
    expect(runWork(phase, settings()).peakRate).toBe(1e12);
    expect(paths(checkRunWork(phase, settings(), limits(1e9)))).toEqual(['/workload/profile/1/to']);
  });

  it('bounds closed-loop users by their think time, else by the service time of their first call', () => {
    const closed = (thinkMs: number) =>
      design(
        (d) =>
          (d.workload.arrival = { kind: 'closed', users: 1_000_000, thinkTime: { kind: 'constant', value: thinkMs } }),
      );
    // A cycle of 990 ms think + 2 ms latency + 8 ms median service: 10^6 users make 10^6 requests/s.
    expect(runWork(closed(990), settings()).peakRate).toBe(1_000_000);
    // No think time: the 10 ms of the first call alone bound it, at 10^8 requests/s.
    expect(runWork(closed(0), settings()).peakRate).toBe(100_000_000);
    expect(paths(checkRunWork(closed(0), settings(), limits(1e9)))).toEqual(['/workload/arrival/users']);
    // Users whose requests take no time and who never think loop without end.
    const endless = design((d) => {
      d.workload.arrival = { kind: 'closed', users: 1, thinkTime: { kind: 'constant', value: 0 } };
      d.components[0]!.calls = [];
    });
    expect(runWork(endless, settings()).peakRate).toBe(Infinity);
    expect(paths(checkRunWork(endless, settings(), limits(1e9)))).toEqual(['/workload/arrival/thinkTime']);
  });

  it('counts the fan-out of calls: each call is a visit of its target, weighted by its chance', () => {
    // A chain of 20 services, each calling the next twice: 2^20 visits per request.
    const chain = design((d) => {
      const services = Array.from({ length: 20 }, (_, i) => `s${i}`);
      d.components = [
        { id: 'users', name: 'Users', kind: 'client', calls: [{ connection: 'users-s0' }] },
        ...services.map((id, i) => ({
          id,
          name: id,
          kind: 'service' as const,
          calls: i < 19 ? [{ connection: `${id}-next` }, { connection: `${id}-next` }] : [],
        })),
      ];
      d.connections = [
        { id: 'users-s0', source: 'users', target: 's0' },
        ...services.slice(0, -1).map((id, i) => ({ id: `${id}-next`, source: id, target: `s${i + 1}` })),
      ];
      d.faults = [];
    });
    expect(runWork(chain, settings()).visitsPerRequest).toBe(2 ** 20);
    const refusal = checkRunWork(chain, settings(), limits(1e9));
    expect(refusal?.detail).toMatch(/each visiting 1048576 components/);
    // Half the calls made: a probability of 0.5 on each halves every level.
    const halved = design((d) => (d.components[1]!.calls = [{ connection: 'api-db', probability: 0.5 }]));
    expect(runWork(halved, settings()).visitsPerRequest).toBe(2.5);
  });

  it('multiplies by the simulations, and names what multiplies when one simulation fits', () => {
    const fits = limits(50_000); // one simulation: 36,000 events
    expect(paths(checkRunWork(design(), settings({ replications: 2 }), fits))).toEqual(['/settings/replications']);
    expect(paths(checkRunWork(design(), settings({ scenario: { kind: 'baseline-vs-chaos' } }), fits))).toEqual([
      '/settings/scenario/kind',
    ]);
    const sweep = { kind: 'sweep', parameter: '/faults/0/schedule/probability', from: 0, to: 1, steps: 3 } as const;
    expect(paths(checkRunWork(design(), settings({ scenario: sweep }), fits))).toEqual(['/settings/scenario/steps']);
  });

  it("names a sweep's end when it is the busier one", () => {
    const sweep = { kind: 'sweep', parameter: '/workload/arrival/ratePerSecond', from: 1, to: 1e12, steps: 2 } as const;
    const refusal = checkRunWork(design(), settings({ scenario: sweep }), limits(1e9));
    expect(refusal?.errors).toEqual([
      {
        path: '/settings/scenario/to',
        message:
          '/workload/arrival/ratePerSecond = 1000000000000 takes at least 1.80e14 events in one simulation, over the limit of 1000000000 events per run',
      },
    ]);
  });

  it('refuses a duration over the limit at /settings/durationMs', () => {
    expect(checkRunDuration(settings(), limits(1))).toBeNull();
    expect(checkRunDuration(RunSettingsSchema.parse({ durationMs: 60_001 }), limits(1))).toEqual({
      detail: 'A run may simulate at most 60000 ms',
      errors: [{ path: '/settings/durationMs', message: 'must be at most 60000' }],
    });
  });
});
