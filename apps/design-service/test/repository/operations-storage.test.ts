import { describe, expect, it } from 'vitest';
import { checkoutExample, DesignSchema, type DesignInput } from '@faultline/schemas';
import { provider, useApp } from '../helper.ts';

/**
 * The checkout with operations (SPEC §3.7): two weighted request classes on the client, two
 * operations on the API (one with its own service time), a call asking for one of them, a fault
 * acting on it alone and a per-class SLO target.
 */
const withOperations: DesignInput = {
  ...checkoutExample,
  components: checkoutExample.components.map((c) => {
    if (c.id === 'users')
      return {
        ...c,
        calls: [],
        operations: [
          { id: 'browse', name: 'Browse', weight: 3, calls: [{ connection: 'users-api', operation: 'read' }] },
          { id: 'checkout', name: 'Checkout', calls: [{ connection: 'users-api', operation: 'write' }] },
        ],
      };
    if (c.id === 'api')
      return {
        ...c,
        calls: [],
        operations: [
          { id: 'read', name: 'Read', calls: [] },
          {
            id: 'write',
            name: 'Write',
            serviceTime: { kind: 'constant', value: 30 },
            calls: [{ connection: 'api-db' }],
          },
        ],
      };
    return c;
  }),
  faults: [
    {
      id: 'slow-writes',
      name: 'Slow writes',
      type: 'latency',
      target: { component: 'api', operation: 'write' },
      params: { addMs: { kind: 'constant', value: 200 } },
    },
  ],
  slo: { ...checkoutExample.slo, classes: { checkout: { availability: 0.999 } } },
};

describe(`operations stored on ${provider}`, () => {
  const app = useApp();

  it('a design with operations, request classes and a fault on one operation reads back as written', async () => {
    const design = DesignSchema.parse(withOperations);
    const created = await app().designs.create(design);
    const read = await app().designs.get(created.id);
    if (!read.ok) throw new Error(read.failure.detail);
    expect(read.value.components).toEqual(design.components);
    expect(read.value.faults).toEqual(design.faults);
    expect(read.value.slo).toEqual(design.slo);
  });

  it('a design without operations reads back without them: one implicit operation, as before', async () => {
    const design = DesignSchema.parse(checkoutExample);
    const created = await app().designs.create(design);
    const read = await app().designs.get(created.id);
    if (!read.ok) throw new Error(read.failure.detail);
    expect(read.value.components.map((c) => 'operations' in c)).toEqual([false, false, false]);
    expect(read.value.faults![0]!.target).toEqual({ component: 'db' });
  });
});
