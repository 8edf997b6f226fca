import { describe, expect, it } from 'vitest';
import { DesignSchema, validateDesign } from './design.ts';
import { checkoutExample, everythingExample } from './examples.ts';
import { brokenDesign, invalidDesignExamples } from './invalid-examples.ts';
import { COMPONENT_KINDS } from './component.ts';
import { FAULT_TYPES } from './fault.ts';
import { OutgoingPolicySchema, InboundPolicySchema } from './resilience.ts';

describe('a valid design', () => {
  it('the SPEC example is valid and takes the documented defaults', () => {
    const result = validateDesign(checkoutExample);
    expect(result.success).toBe(true);
    if (!result.success) return;
    const api = result.design.components.find((c) => c.id === 'api')!;
    const retry = api.resilience.find((p) => p.type === 'retry')!;
    expect(retry.params).toMatchObject({ maxAttempts: 3, jitter: 'full' });
    // SPEC §3.4: by default every error kind is retried except unauthorized and invalid-data.
    expect(retry.type === 'retry' && retry.params.retryOn).not.toContain('unauthorized');
    expect(retry.type === 'retry' && retry.params.retryOn).toContain('timeout');
    expect(result.design.components[0]!.calls[0]).toEqual({ connection: 'users-api', probability: 1, required: true });
    expect(result.design.slo.latencyDegradationMs).toBe(500);
    expect(result.design.faults[0]!.enabled).toBe(true);
  });

  it('the everything example covers every kind, fault type and pattern', () => {
    const design = DesignSchema.parse(everythingExample);
    expect(new Set(design.components.map((c) => c.kind))).toEqual(new Set(COMPONENT_KINDS));
    expect(new Set(design.faults.map((f) => f.type))).toEqual(new Set(FAULT_TYPES));
    const patterns = new Set(
      design.components.flatMap((c) => [...c.resilience, ...('inbound' in c ? c.inbound : [])].map((p) => p.type)),
    );
    const allPatterns = [...OutgoingPolicySchema.options, ...InboundPolicySchema.options].map(
      (o) => o.shape.type.value,
    );
    expect(patterns).toEqual(new Set(allPatterns));
  });

  it('a fully spelled-out design parses to exactly itself (no default overrides a value)', () => {
    expect(DesignSchema.parse(everythingExample)).toEqual(everythingExample);
  });

  it('a minimal design gets defaults for every field it leaves out', () => {
    const design = DesignSchema.parse({
      name: 'tiny',
      components: [
        { id: 'c', name: 'C', kind: 'client', calls: [{ connection: 'c-s' }] },
        { id: 's', name: 'S', kind: 'service' },
      ],
      connections: [{ id: 'c-s', source: 'c', target: 's' }],
      workload: { entry: 'c', arrival: { kind: 'constant', ratePerSecond: 10 } },
    });
    expect(design.components[1]).toMatchObject({
      replicas: 1,
      concurrency: 10,
      queueCapacity: null,
      serviceTime: { kind: 'exponential', mean: 10 },
      calls: [],
      inbound: [],
    });
    expect(design.connections[0]).toMatchObject({ mode: 'sync', latency: { kind: 'constant', value: 1 } });
    expect(design.workload.clientTimeoutMs).toBe(30_000);
    expect(design.slo).toEqual({
      availability: 0.95,
      errorRate: 0.05,
      p99LatencyMs: null,
      latencyDegradationMs: 500,
      mttrMs: 30_000,
      recoveryTimeMs: 10_000,
    });
  });
});

describe('an invalid design is refused with the path of the offending field', () => {
  it.each(invalidDesignExamples.map((e) => [e.rule, e] as const))('%s', (_rule, example) => {
    const result = validateDesign(brokenDesign(example));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map((i) => i.path)).toContain(example.path);
  });

  it('reports every broken field at once, not just the first', () => {
    const design = JSON.parse(JSON.stringify(everythingExample)) as never as {
      components: { replicas?: number }[];
      name: string;
    };
    design.components[2]!.replicas = 0;
    design.components[5]!.replicas = -1;
    const result = validateDesign(design);
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.issues.map((i) => i.path)).toEqual(['/components/2/replicas', '/components/5/replicas']);
  });

  it('a cycle message names the components going round', () => {
    const cycle = invalidDesignExamples.find((e) => e.rule === 'no synchronous call cycle')!;
    const result = validateDesign(brokenDesign(cycle));
    expect(!result.success && result.issues.find((i) => i.path === cycle.path)?.message).toMatch(
      /(orders → db → orders|db → orders → db)/,
    );
  });

  it('an async loop through a queue is not a synchronous cycle', () => {
    const design = JSON.parse(JSON.stringify(everythingExample)) as never as {
      connections: object[];
      components: { id: string; calls: object[] }[];
    };
    design.connections.push({
      id: 'mailer-orders',
      source: 'mailer',
      target: 'orders',
      mode: 'sync',
      latency: { kind: 'constant', value: 1 },
    });
    expect(validateDesign(design).success).toBe(true);
  });
});
