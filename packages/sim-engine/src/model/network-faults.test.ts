import { describe, expect, it } from 'vitest';
import { DesignSchema, type FaultInput } from '@faultline/schemas';
import { simulate } from '../index.ts';
import { settings } from '../testing.test-helpers.ts';
import { apiAndDb, constantRate, fault, poissonRate } from './tiny-models.test-fixture.ts';

// Faults on a connection (SPEC §3.3), on users → api → db: the api works 1 ms, the db 2 ms, the
// connections add nothing, so an untouched round trip takes exactly 3 ms. One request a second
// for ten seconds: nine requests, at 1 s … 9 s.
const tenSeconds = settings({ durationMs: 10_000 });
const onDbLink = { connection: 'api-db' };

/** Binomial: |observed share − p| within four standard errors of n draws. */
function expectShare(count: number, n: number, p: number): void {
  expect(Math.abs(count / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
}

describe('network faults on a sync connection', () => {
  it('bandwidth: 1,000 bytes at 100,000 bytes/s adds exactly 20 ms to a round trip', () => {
    const design = apiAndDb({
      payloadBytes: 1000,
      faults: [fault({ type: 'bandwidth', target: onDbLink, params: { bytesPerSecond: 100_000 } })],
    });
    const result = simulate(design, tenSeconds);
    // 1000 / 100,000 s = 10 ms each way, on top of the 3 ms of work.
    expect(result.totals).toMatchObject({ requests: 9, succeeded: 9 });
    expect(result.latency.mean).toBe(23);
    expect(result.latency.max).toBe(23);
    // The db's own work is unchanged: the time is spent on the wire.
    expect(result.components.db!.latency.mean).toBe(2);
  });

  it('a latency fault on a connection delays the way there, spikes multiplying it', () => {
    const latency = (spikeProbability: number): FaultInput =>
      fault({
        type: 'latency',
        target: onDbLink,
        params: { addMs: { kind: 'constant', value: 40 }, spikeProbability, spikeMultiplier: 3 },
      });
    // Added once (the way there), not on the way back: 3 + 40 ms.
    expect(simulate(apiAndDb({ faults: [latency(0)] }), tenSeconds).latency.mean).toBe(43);
    // Every request spikes: 3 + 3 × 40 ms.
    expect(simulate(apiAndDb({ faults: [latency(1)] }), tenSeconds).latency.mean).toBe(123);
  });

  it('duplicate at probability 1 doubles the callee’s requests, and the caller sees one answer', () => {
    const design = apiAndDb({ faults: [fault({ type: 'duplicate', target: onDbLink })] });
    const result = simulate(design, tenSeconds);
    expect(result.components.api!.requests).toBe(9);
    expect(result.components.db!.requests).toBe(18);
    expect(result.components.db!.succeeded).toBe(18);
    // The copy is extra load, not an extra call: nothing else changes for the user.
    expect(result.totals).toMatchObject({ requests: 9, succeeded: 9, amplification: 2 });
    expect(result.latency.max).toBe(3);
  });

  it('duplicate at probability 0.5 adds half as many requests again', () => {
    const design = apiAndDb({
      arrival: poissonRate(200),
      faults: [fault({ type: 'duplicate', target: onDbLink, schedule: { probability: 0.5 } })],
    });
    const result = simulate(design, settings({ durationMs: 10_000, seed: 3 }));
    const calls = result.components.api!.requests;
    // Each call brings a copy with probability 0.5: copies are Binomial(calls, 0.5).
    expectShare(result.components.db!.requests - calls, calls, 0.5);
  });

  it('packet loss loses the request or the response: the caller sees nothing until its timeout', () => {
    const design = apiAndDb({
      arrival: poissonRate(100),
      api: { resilience: [{ type: 'timeout', params: { timeoutMs: 100 } }] },
      faults: [fault({ type: 'packet-loss', target: onDbLink })],
    });
    const result = simulate(design, settings({ durationMs: 10_000, seed: 5 }));
    const n = result.totals.requests;
    expect(result.totals).toMatchObject({ failed: n, timeouts: n, failedByKind: { timeout: n } });
    // With equal chance the request was lost (the db never saw it) or its response was.
    expectShare(result.components.db!.requests, n, 0.5);
    expect(result.components.db!.succeeded).toBe(result.components.db!.requests);
  });

  it('packet loss at probability 0.2 fails about a fifth of the requests', () => {
    const design = apiAndDb({
      arrival: poissonRate(200),
      api: { resilience: [{ type: 'timeout', params: { timeoutMs: 50 } }] },
      faults: [fault({ type: 'packet-loss', target: onDbLink, schedule: { probability: 0.2 } })],
    });
    const result = simulate(design, settings({ durationMs: 10_000, seed: 6 }));
    expectShare(result.totals.failedByKind.timeout ?? 0, result.totals.requests, 0.2);
    expect(result.totals.failed).toBe(result.totals.failedByKind.timeout);
  });

  it('dependency-down refuses at once with connection-refused; the target never sees the call', () => {
    const down = [fault({ type: 'dependency-down', target: onDbLink })];
    const result = simulate(apiAndDb({ faults: down }), tenSeconds);
    expect(result.totals).toMatchObject({ requests: 9, failed: 9, failedByKind: { 'connection-refused': 9 } });
    expect(result.components.db!.requests).toBe(0);
    // At once: with a 5 ms fallback the answer comes after the api's 1 ms and the fallback's 5.
    const withFallback = apiAndDb({
      faults: down,
      api: { resilience: [{ type: 'fallback', params: { kind: 'static', latencyMs: 5 } }] },
    });
    const degraded = simulate(withFallback, tenSeconds);
    expect(degraded.totals).toMatchObject({ degraded: 9, failed: 0 });
    expect(degraded.latency.max).toBe(6);
  });

  it('detectable corruption on a connection fails the call as invalid-data; the callee did its work', () => {
    const corrupt = [fault({ type: 'corruption', target: onDbLink, params: { detectable: true } })];
    const result = simulate(apiAndDb({ faults: corrupt }), tenSeconds);
    expect(result.totals).toMatchObject({
      requests: 9,
      failed: 9,
      failedByKind: { 'invalid-data': 9 },
      silentCorruptions: 0,
    });
    expect(result.components.api!.failedByKind).toEqual({ 'invalid-data': 9 });
    expect(result.components.db!).toMatchObject({ succeeded: 9, failed: 0 });
  });

  it('undetectable corruption on a connection succeeds and is counted as silent corruption', () => {
    const corrupt = [fault({ type: 'corruption', target: onDbLink, params: { detectable: false } })];
    const result = simulate(apiAndDb({ faults: corrupt }), tenSeconds);
    expect(result.totals).toMatchObject({ requests: 9, succeeded: 9, failed: 0, silentCorruptions: 9 });
  });

  it('a connection fault acts on its connection only', () => {
    // The same fault on the users → api connection leaves the api → db round trip alone.
    const design = apiAndDb({
      faults: [
        fault({
          type: 'latency',
          target: { connection: 'users-api' },
          params: { addMs: { kind: 'constant', value: 7 } },
        }),
      ],
    });
    const result = simulate(design, tenSeconds);
    expect(result.latency.mean).toBe(10);
    expect(result.components.api!.latency.mean).toBe(3);
  });
});

describe('network faults on an async connection', () => {
  // users → api, which sends each request on to a worker over an async connection. The api
  // works 1 ms; the worker, one at a time, 9 ms. A request every 10 ms reaches the worker 1 ms
  // after it arrives, so in order it never waits: the worker's latency is its 9 ms of work.
  const fireAndForget = (faults: FaultInput[]) =>
    DesignSchema.parse({
      name: 'async',
      components: [
        { id: 'users', name: 'U', kind: 'client', calls: [{ connection: 'u-api' }] },
        {
          id: 'api',
          name: 'API',
          kind: 'service',
          serviceTime: { kind: 'constant', value: 1 },
          calls: [{ connection: 'api-worker' }],
        },
        { id: 'worker', name: 'W', kind: 'service', concurrency: 1, serviceTime: { kind: 'constant', value: 9 } },
      ],
      connections: [
        { id: 'u-api', source: 'users', target: 'api', latency: { kind: 'constant', value: 0 } },
        { id: 'api-worker', source: 'api', target: 'worker', mode: 'async', latency: { kind: 'constant', value: 0 } },
      ],
      faults,
      workload: { entry: 'users', arrival: constantRate(100) },
    });
  const run = settings({ durationMs: 10_000 });

  it('in order, the worker never waits', () => {
    const result = simulate(fireAndForget([]), run);
    expect(result.components.worker!.latency.max).toBe(9);
    expect(result.components.worker!.meanQueueLength).toBe(0);
  });

  it('reorder holds messages up to windowMs: they bunch up and the worker queues', () => {
    const reorder = [fault({ type: 'reorder', target: { connection: 'api-worker' }, params: { windowMs: 100 } })];
    const result = simulate(fireAndForget(reorder), run);
    const worker = result.components.worker!;
    // Every message is still delivered (the 999 sent, less those held past the drain's end).
    expect(worker.requests).toBeGreaterThan(990);
    expect(worker.succeeded).toBe(worker.requests);
    // Held for a uniform time in [0, 100 ms), messages overtake one another and arrive in
    // bunches; at a utilisation of 0.9 some must wait (in order, none did).
    expect(worker.latency.max!).toBeGreaterThan(9);
    expect(worker.meanQueueLength).toBeGreaterThan(0.1);
    // The user never waits for an async message.
    expect(result.latency.max).toBe(1);
  });

  it('duplicate on an async connection delivers each message twice', () => {
    const duplicate = [fault({ type: 'duplicate', target: { connection: 'api-worker' } })];
    const base = simulate(fireAndForget([]), run).components.worker!.requests;
    expect(simulate(fireAndForget(duplicate), run).components.worker!.requests).toBe(2 * base);
  });

  it('packet loss on an async connection loses the message itself: there is no answer to lose', () => {
    const all = [fault({ type: 'packet-loss', target: { connection: 'api-worker' } })];
    expect(simulate(fireAndForget(all), run).components.worker!.requests).toBe(0);
    const some = [fault({ type: 'packet-loss', target: { connection: 'api-worker' }, schedule: { probability: 0.3 } })];
    const base = simulate(fireAndForget([]), run).components.worker!.requests;
    expectShare(base - simulate(fireAndForget(some), run).components.worker!.requests, base, 0.3);
  });
});
