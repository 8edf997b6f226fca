import { describe, expect, it } from 'vitest';
import type { ErrorKind } from '@faultline/schemas';
import { simulate } from '../index.ts';
import { chain, client, server, settings } from '../testing.test-helpers.ts';
import { apiAndDb, constantRate, fault, type FaultSpec } from './tiny-models.test-fixture.ts';

// Faults on a component (SPEC §3.3), on users → api → db: the api works 1 ms, the db 2 ms, the
// connections add nothing. One request a second for ten seconds: nine requests, at 1 s … 9 s.
// (Crashes by the whole window and memory exhaustion are in patterns and queue-and-memory tests.)
const tenSeconds = settings({ durationMs: 10_000 });
const onDb = { component: 'db' };

/** Binomial: |observed share − p| within four standard errors of n draws. */
function expectShare(count: number, n: number, p: number): void {
  expect(Math.abs(count / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
}

describe('crash', () => {
  it('takes down only `instances` replicas: round-robin sends every other call to the dead one', () => {
    const design = apiAndDb({
      db: { replicas: 2 },
      faults: [fault({ type: 'crash', target: onDb, params: { instances: 1, mode: 'refuse' } })],
    });
    const result = simulate(design, tenSeconds);
    // Calls 1, 3, 5, 7, 9 go to the first replica (down), 2, 4, 6, 8 to the second.
    expect(result.totals).toMatchObject({ requests: 9, succeeded: 4, failedByKind: { 'connection-refused': 5 } });
  });

  const crashMidWork = (mode: 'refuse' | 'hang') =>
    apiAndDb({
      db: { serviceTime: { kind: 'constant', value: 500 } },
      clientTimeoutMs: 2_000,
      // The request of 1 s is at the db from 1,001 ms to 1,501 ms; the crash comes at 1,200 ms.
      faults: [fault({ type: 'crash', target: onDb, schedule: { startMs: 1_200, durationMs: 300 }, params: { mode } })],
    });

  it('refuse: work in flight is lost and answered connection-refused at the crash; restarts after', () => {
    const result = simulate(crashMidWork('refuse'), settings({ durationMs: 3_000 }));
    // Requests at 1 s (lost) and 2 s (after the restart at 1.5 s: 1 + 500 + 0 ms of work).
    expect(result.totals).toMatchObject({ requests: 2, succeeded: 1, failedByKind: { 'connection-refused': 1 } });
    expect(result.latency.max).toBe(501);
    expect(result.events.items.map((e) => [e.type, e.atMs])).toEqual([
      ['fault-start', 1_200],
      ['crash', 1_200],
      ['restart', 1_500],
      ['fault-end', 1_500],
    ]);
  });

  it('hang: work in flight is lost and never answered, so the caller waits for its timeout', () => {
    const result = simulate(crashMidWork('hang'), settings({ durationMs: 3_000 }));
    // The request of 1 s hears nothing and times out at 3 s; the one of 2 s is served.
    expect(result.totals).toMatchObject({ requests: 2, succeeded: 1, failedByKind: { timeout: 1 } });
    expect(result.totals.failedByKind['connection-refused']).toBeUndefined();
    expect(result.components.db!.failedByKind).toEqual({ timeout: 1 });
  });
});

describe('latency', () => {
  it('on a component adds addMs to its work', () => {
    const design = apiAndDb({
      faults: [fault({ type: 'latency', target: onDb, params: { addMs: { kind: 'constant', value: 50 } } })],
    });
    const result = simulate(design, tenSeconds);
    expect(result.components.db!.latency.mean).toBe(52);
    expect(result.latency.mean).toBe(53);
  });

  it('spikes multiply the added delay for a share spikeProbability of the requests', () => {
    const design = apiAndDb({
      arrival: constantRate(100),
      faults: [
        fault({
          type: 'latency',
          target: onDb,
          params: { addMs: { kind: 'constant', value: 50 }, spikeProbability: 0.25, spikeMultiplier: 5 },
        }),
      ],
    });
    const db = simulate(design, tenSeconds).components.db!;
    // A request takes 2 + 50 ms, or 2 + 250 ms when it spikes: mean = 52 + 200 × (share spiked).
    expect(db.latency.max).toBe(252);
    expectShare(((db.latency.mean! - 52) / 200) * db.succeeded, db.succeeded, 0.25);
  });
});

describe('error', () => {
  it('answers one of the listed kinds, evenly, without doing the work', () => {
    const errorTypes: ErrorKind[] = ['internal-error', 'unauthorized'];
    const design = apiAndDb({
      arrival: constantRate(100),
      faults: [fault({ type: 'error', target: onDb, params: { errorTypes } })],
    });
    const result = simulate(design, tenSeconds);
    const n = result.totals.requests;
    expect(result.totals.failed).toBe(n);
    expect(Object.keys(result.totals.failedByKind).sort()).toEqual(errorTypes);
    expectShare(result.totals.failedByKind.unauthorized!, n, 0.5);
    expect(result.components.db!.utilisation).toBe(0);
  });

  it('any error kind can be injected', () => {
    const design = apiAndDb({
      faults: [fault({ type: 'error', target: onDb, params: { errorTypes: ['rate-limited'] } })],
    });
    expect(simulate(design, tenSeconds).totals.failedByKind).toEqual({ 'rate-limited': 9 });
  });
});

describe('corruption on a component', () => {
  it('detectable: the component’s own answers fail as invalid-data', () => {
    const design = apiAndDb({ faults: [fault({ type: 'corruption', target: onDb })] });
    const result = simulate(design, tenSeconds);
    expect(result.totals).toMatchObject({ failed: 9, failedByKind: { 'invalid-data': 9 }, silentCorruptions: 0 });
    expect(result.components.db!.failedByKind).toEqual({ 'invalid-data': 9 });
  });

  it('undetectable: the request succeeds and is counted as silent corruption', () => {
    const design = apiAndDb({ faults: [fault({ type: 'corruption', target: onDb, params: { detectable: false } })] });
    const result = simulate(design, tenSeconds);
    expect(result.totals).toMatchObject({ succeeded: 9, failed: 0, silentCorruptions: 9 });
    expect(result.components.db!.succeeded).toBe(9);
  });
});

describe('resource exhaustion', () => {
  const exhaust = (resource: 'cpu' | 'disk-io' | 'connections', intensity: number, schedule = {}): FaultSpec => ({
    type: 'resource-exhaustion',
    target: onDb,
    schedule,
    params: { resource, intensity },
  });

  it('cpu multiplies the service time by 1 / (1 − 0.9 × intensity)', () => {
    const at = (intensity: number) =>
      simulate(apiAndDb({ faults: [fault(exhaust('cpu', intensity))] }), tenSeconds).components.db!.latency.mean!;
    expect(at(0.5)).toBeCloseTo(2 / 0.55, 2);
    expect(at(1)).toBeCloseTo(20, 6);
  });

  it('disk-io slows a database’s work as cpu does, and leaves a service alone', () => {
    const withDb = (kind: 'database' | 'service') =>
      chain(
        [
          client,
          server('api', { serviceTime: { kind: 'constant', value: 1 } }),
          { ...server('db', { serviceTime: { kind: 'constant', value: 2 } }), kind },
        ],
        { faults: [fault(exhaust('disk-io', 0.5))], workload: { entry: 'users', arrival: constantRate(1) } },
      );
    expect(simulate(withDb('database'), tenSeconds).components.db!.latency.mean).toBeCloseTo(2 / 0.55, 2);
    expect(simulate(withDb('service'), tenSeconds).components.db!.latency.mean).toBe(2);
  });

  it('connections shrink the worker pool by intensity for the window, keeping at least one', () => {
    // Four workers, no queue, 25 ms of work, a call every 10 ms: at most three are busy, so
    // nothing is refused. With two workers, each third call finds both busy and is refused; with
    // one, two calls in three. The window [2 s, 5 s) holds 300 calls.
    const refused = (intensity: number) => {
      const design = apiAndDb({
        arrival: constantRate(100),
        db: { concurrency: 4, queueCapacity: 0, serviceTime: { kind: 'constant', value: 25 } },
        faults: [fault(exhaust('connections', intensity, { startMs: 2_000, durationMs: 3_000 }))],
      });
      return simulate(design, tenSeconds).totals.failedByKind.overloaded ?? 0;
    };
    expect(Math.abs(refused(0.5) - 100)).toBeLessThanOrEqual(2);
    expect(Math.abs(refused(1) - 200)).toBeLessThanOrEqual(2);
  });
});
