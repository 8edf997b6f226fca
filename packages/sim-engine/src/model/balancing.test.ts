import { describe, expect, it } from 'vitest';
import { DesignSchema } from '@faultline/schemas';
import { simulate } from '../index.ts';
import { settings } from '../testing.test-helpers.ts';

// A gateway's balancing (SPEC §3.1). users → gateway (1 ms of work) → `slow` (35 ms) or `fast`
// (5 ms), in that order in the gateway's calls, without network time. A request every 10 ms for
// ten seconds: 999 requests, each forwarded 1 ms after it arrives.
const gateway = (balancing: 'round-robin' | 'random' | 'least-outstanding') =>
  DesignSchema.parse({
    name: 'balancing',
    components: [
      { id: 'users', name: 'U', kind: 'client', calls: [{ connection: 'u-gw' }] },
      {
        id: 'gw',
        name: 'Gateway',
        kind: 'gateway',
        balancing,
        serviceTime: { kind: 'constant', value: 1 },
        calls: [{ connection: 'gw-slow' }, { connection: 'gw-fast' }],
      },
      { id: 'slow', name: 'Slow', kind: 'service', concurrency: 100, serviceTime: { kind: 'constant', value: 35 } },
      { id: 'fast', name: 'Fast', kind: 'service', concurrency: 100, serviceTime: { kind: 'constant', value: 5 } },
    ],
    connections: [
      { id: 'u-gw', source: 'users', target: 'gw', latency: { kind: 'constant', value: 0 } },
      { id: 'gw-slow', source: 'gw', target: 'slow', latency: { kind: 'constant', value: 0 } },
      { id: 'gw-fast', source: 'gw', target: 'fast', latency: { kind: 'constant', value: 0 } },
    ],
    workload: { entry: 'users', arrival: { kind: 'constant', ratePerSecond: 100 } },
  });
const run = settings({ durationMs: 10_000 });

describe('gateway balancing', () => {
  it('round-robin alternates between the targets, whatever their speed', () => {
    const result = simulate(gateway('round-robin'), run);
    expect(result.components.slow!.requests).toBe(500);
    expect(result.components.fast!.requests).toBe(499);
    // Each request makes one call: a gateway forwards, it does not fan out.
    expect(result.totals.amplification).toBe(2);
  });

  it('random sends each request to either target with equal chance', () => {
    const result = simulate(gateway('random'), run);
    const n = result.totals.requests;
    expect(Math.abs(result.components.slow!.requests / n - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / n));
    expect(result.components.slow!.requests + result.components.fast!.requests).toBe(n);
  });

  it('least-outstanding sends less to a slow target', () => {
    const result = simulate(gateway('least-outstanding'), run);
    // Forwarded at 10k + 1 ms. With nothing outstanding anywhere the first target (slow) wins;
    // it then holds its call 35 ms, so the next three requests, finding it busy and fast free,
    // go to fast; at 10(k + 4) + 1 ms slow is free again. One request in four goes to slow:
    // requests 1, 5, 9, … 997.
    expect(result.components.slow!.requests).toBe(250);
    expect(result.components.fast!.requests).toBe(749);
    expect(result.latency.max).toBe(36);
  });
});
