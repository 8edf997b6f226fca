import { describe, expect, it } from 'vitest';
import { validateDesign } from './design.ts';
import { checkoutExample, operationsExample } from './examples.ts';
import { DesignSchema } from './design.ts';
import { ClassStatsSchema, ComponentStatsSchema, SloResultSchema } from './result.ts';

// A deep copy to break one rule in.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const copy = (): any => JSON.parse(JSON.stringify(operationsExample));

const issuesOf = (design: unknown) => {
  const result = validateDesign(design);
  return result.success ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('operations and request classes (SPEC §3.7)', () => {
  it('a design with operations is valid; client operations weigh 1 unless told', () => {
    const design = copy();
    delete design.components[0].operations[1].weight;
    const result = validateDesign(design);
    expect(result.success).toBe(true);
    if (!result.success) return;
    const client = result.design.components[0]!;
    expect(client.operations?.map((o) => 'weight' in o && o.weight)).toEqual([9, 1]);
  });

  it('a design without operations parses without any operations field', () => {
    const design = DesignSchema.parse(checkoutExample);
    expect(design.components.some((c) => 'operations' in c)).toBe(false);
    expect('classes' in design.slo).toBe(false);
    expect(JSON.stringify(design)).not.toContain('operation');
  });

  it('operation ids are unique within a component, but may repeat across components', () => {
    const design = copy();
    design.components[2].operations[0].id = 'write';
    expect(issuesOf(design)).toEqual([
      '/components/2/operations/1/id: operation id "write" is already used by /components/2/operations/0',
    ]);
    const across = copy();
    across.components[2].operations[0].id = 'list';
    expect(issuesOf(across)).toEqual([]);
  });

  it('a component with operations has no calls of its own', () => {
    const design = copy();
    design.components[1].calls = [{ connection: 'api-db' }];
    expect(issuesOf(design)).toEqual([
      '/components/1/calls: "api" has operations: its own calls are unused, move them into an operation',
    ]);
  });

  it("a call's operation exists on its target", () => {
    const design = copy();
    design.components[1].operations[0].calls[0].operation = 'nope';
    expect(issuesOf(design)).toEqual(['/components/1/operations/0/calls/0/operation: no operation "nope" on "db"']);
  });

  it('a call to a component without operations may name only its implicit "default"', () => {
    const design = copy();
    delete design.components[2].operations;
    design.components[1].operations[0].calls[0].operation = 'default';
    expect(issuesOf(design)).toContain('/components/1/operations/1/calls/0/operation: no operation "write" on "db"');
    expect(issuesOf(design)).toHaveLength(1);
  });

  it('calls inside operations are checked like any call', () => {
    const design = copy();
    design.components[1].operations[1].calls[0].connection = 'missing';
    expect(issuesOf(design)).toEqual(['/components/1/operations/1/calls/0/connection: no connection has id "missing"']);
  });

  it('a weight belongs to a client operation and is more than 0', () => {
    const serving = copy();
    serving.components[1].operations[0].weight = 2;
    expect(issuesOf(serving)).toEqual([
      "/components/1/operations/0/weight: only a client's operations have a weight: it is that request class's share of the workload",
    ]);
    const zero = copy();
    zero.components[0].operations[0].weight = 0;
    expect(issuesOf(zero)).toEqual(['/components/0/operations/0/weight: must be more than 0']);
  });

  it("a fault's operation exists on its component", () => {
    const design = copy();
    design.faults[0].target.operation = 'refund';
    expect(issuesOf(design)).toEqual(['/faults/0/target/operation: no operation "refund" on "api"']);
  });

  it('class targets name request classes of the entry client', () => {
    const design = copy();
    design.slo.classes.search = { availability: 0.9 };
    expect(issuesOf(design)).toEqual([
      '/slo/classes/search: no request class "search": the entry client "shoppers" has "browse", "checkout"',
    ]);
    const plain = JSON.parse(JSON.stringify(checkoutExample));
    plain.slo.classes = { browse: {} };
    expect(issuesOf(plain)).toEqual([
      '/slo/classes/browse: no request class "browse": the entry client "users" declares no operations',
    ]);
  });

  it('operations per component are capped', () => {
    const design = copy();
    design.components[2].operations = Array.from({ length: 51 }, (_, i) => ({ id: `op-${i}`, name: `Op ${i}` }));
    expect(issuesOf(design)).toContain('/components/2/operations: must be at most 50');
  });
});

describe('result fields of request classes', () => {
  const latency = { mean: 5, p50: 4, p90: 8, p95: 9, p99: 12, p999: 15, max: 20 };
  const verdict = { target: 'availability', threshold: 0.99, measured: 0.995, status: 'pass' };

  it('per-class SLO verdicts sit beside the design-wide ones; results without them parse unchanged', () => {
    const old = { passed: true, verdicts: { availability: verdict } };
    expect(SloResultSchema.parse(old)).toEqual(old);
    const withClasses = { ...old, classes: { checkout: { passed: true, verdicts: { availability: verdict } } } };
    expect(SloResultSchema.parse(withClasses)).toEqual(withClasses);
    const wrongTarget = { ...old, classes: { checkout: { passed: true, verdicts: { mttrMs: verdict } } } };
    expect(SloResultSchema.safeParse(wrongTarget).success).toBe(false);
  });

  it('a class counts its requests as the totals do, and a component its operations', () => {
    const stats = { name: 'Checkout', requests: 3, succeeded: 1, degraded: 1, failed: 1, failedByKind: {}, latency };
    expect(ClassStatsSchema.parse(stats)).toEqual(stats);
    const component = {
      requests: 3,
      succeeded: 3,
      failed: 0,
      failedByKind: {},
      utilisation: 0.1,
      meanQueueLength: 0,
      latency,
      operations: { pay: { requests: 1, failed: 0, latency }, list: { requests: 2, failed: 0, latency } },
    };
    expect(ComponentStatsSchema.parse(component)).toEqual(component);
  });
});

describe('operation rules that bound a run', () => {
  it('faults that act on the whole component cannot be scoped to one operation', () => {
    const crash = copy();
    crash.faults[0] = {
      id: 'api-crash',
      name: 'API crash',
      type: 'crash',
      target: { component: 'api', operation: 'pay' },
    };
    expect(issuesOf(crash)).toEqual([
      '/faults/0/target/operation: a crash acts on the whole component, not on one operation',
    ]);
    const cpu = copy();
    cpu.faults[0] = {
      id: 'api-cpu',
      name: 'API CPU',
      type: 'resource-exhaustion',
      target: { component: 'api', operation: 'pay' },
      params: { resource: 'cpu', intensity: 0.5 },
    };
    expect(issuesOf(cpu)).toEqual([]);
    cpu.faults[0].params.resource = 'memory';
    expect(issuesOf(cpu)).toEqual([
      '/faults/0/target/operation: memory exhaustion acts on the whole component, not on one operation',
    ]);
  });

  it('a design may have at most 1000 operations in all', () => {
    const design = copy();
    const many = (prefix: string) => Array.from({ length: 50 }, (_, i) => ({ id: `${prefix}-${i}`, name: `Op ${i}` }));
    for (let k = 0; k < 21; k++) {
      design.components.push({ id: `s${k}`, name: `S${k}`, kind: 'service', operations: many('op') });
    }
    // 2 + 2 + 2 operations, then 50 per service: the 20th service passes 1000.
    expect(issuesOf(design)).toEqual(['/components/22/operations: a design may have at most 1000 operations in all']);
  });
});
