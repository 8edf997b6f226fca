import { describe, expect, it } from 'vitest';
import { ConnectionSchema, GatewayComponentSchema } from './component.ts';
import { defaultsOf, discriminatorValues, optionsOf } from './defaults.ts';
import { FaultSchema } from './fault.ts';
import { LoadSheddingPolicySchema, OutgoingPolicySchema, RetryPolicySchema } from './resilience.ts';
import { ArrivalSchema, SloSchema } from './workload.ts';

describe('defaultsOf', () => {
  it('gives the SLO targets of SPEC §3.6, a switched-off p99 included', () => {
    expect(defaultsOf(SloSchema)).toEqual({
      availability: 0.95,
      errorRate: 0.05,
      p99LatencyMs: null,
      latencyDegradationMs: 500,
      mttrMs: 30_000,
      recoveryTimeMs: 10_000,
    });
  });

  it("fills a prefaulted object with its own defaults (a retry's backoff)", () => {
    expect(defaultsOf(RetryPolicySchema.shape.params)).toMatchObject({
      maxAttempts: 3,
      backoff: { kind: 'exponential', initialMs: 500, multiplier: 2, maxMs: 30_000 },
      jitter: 'none',
    });
  });

  it('leaves out required and merely optional fields', () => {
    expect(defaultsOf(LoadSheddingPolicySchema.shape.params)).toEqual({});
    expect(Object.keys(defaultsOf(ConnectionSchema))).toEqual(['mode', 'latency']);
  });

  it('reads through the wrapper of a whole params object (a crash)', () => {
    const crash = FaultSchema.options.find((o) => o.shape.type.value === 'crash')!;
    expect(defaultsOf(crash.shape.params)).toEqual({ instances: 'all', mode: 'refuse' });
  });

  it('gives what parsing an empty object gives, where every field has a default', () => {
    expect(defaultsOf(SloSchema)).toEqual(SloSchema.parse({}));
  });
});

describe('option lists', () => {
  it("optionsOf reads an enum through its default, in the schema's order", () => {
    expect(optionsOf(GatewayComponentSchema.shape.balancing)).toEqual(['round-robin', 'random', 'least-outstanding']);
  });

  it("discriminatorValues lists a union's kinds", () => {
    expect(discriminatorValues(ArrivalSchema, 'kind')).toEqual(['poisson', 'constant', 'closed']);
    expect(discriminatorValues(OutgoingPolicySchema, 'type')).toEqual([
      'timeout',
      'retry',
      'circuit-breaker',
      'bulkhead',
      'fallback',
    ]);
  });
});
