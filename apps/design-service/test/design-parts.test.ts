import { describe, expect, it } from 'vitest';
import { checkoutExample, DesignSchema, FaultSchema, InboundPoliciesSchema } from '@faultline/schemas';
import { addFault, policiesOf, removeFault, replaceFault, replacePolicies } from '../src/design-parts.ts';

const design = DesignSchema.parse(checkoutExample);
const latency = FaultSchema.parse({
  id: 'api-slow',
  name: 'Slow API',
  type: 'latency',
  target: { component: 'api' },
  params: { addMs: { kind: 'constant', value: 100 } },
});
const outage = design.faults[0]!;

describe('edits of one part of a design', () => {
  it('adds a fault at the end and says where the body went', () => {
    const edited = addFault('d1', latency)(design);
    expect(edited).toEqual({
      ok: true,
      value: { design: { ...design, faults: [outage, latency] }, bodyPath: '/faults/1' },
    });
  });

  it('refuses a second fault with the same id', () => {
    expect(addFault('d1', { ...latency, id: outage.id })(design)).toEqual({
      ok: false,
      failure: { code: 'FAULT_ALREADY_EXISTS', detail: 'Design "d1" already has a fault "db-outage"' },
    });
  });

  it('replaces a fault in place and refuses an unknown one', () => {
    const disabled = { ...outage, enabled: false };
    expect(replaceFault('d1', disabled)(design)).toEqual({
      ok: true,
      value: { design: { ...design, faults: [disabled] }, bodyPath: '/faults/0' },
    });
    expect(replaceFault('d1', latency)(design)).toMatchObject({ ok: false, failure: { code: 'FAULT_NOT_FOUND' } });
  });

  it('removes a fault and refuses an unknown one', () => {
    expect(removeFault('d1', 'db-outage')(design)).toEqual({ ok: true, value: { design: { ...design, faults: [] } } });
    expect(removeFault('d1', 'nope')(design)).toEqual({
      ok: false,
      failure: { code: 'FAULT_NOT_FOUND', detail: 'Design "d1" has no fault "nope"' },
    });
  });

  it("reads and replaces a component's policies together", () => {
    const api = design.components[1]!;
    expect(policiesOf('d1', design, 'api')).toEqual({ ok: true, value: { resilience: api.resilience, inbound: [] } });
    const edited = replacePolicies('d1', 'api', { resilience: [], inbound: [] })(design);
    if (!edited.ok) throw new Error(edited.failure.detail);
    expect(edited.value.bodyPath).toBe('/components/1');
    expect(edited.value.design.components[1]).toEqual({ ...api, resilience: [], inbound: [] });
  });

  it('refuses inbound guards on a client, naming the field, and an unknown component', () => {
    const shedding = InboundPoliciesSchema.parse([{ type: 'load-shedding', params: { maxInFlight: 5 } }]);
    expect(replacePolicies('d1', 'users', { resilience: [], inbound: shedding })(design)).toEqual({
      ok: false,
      failure: {
        code: 'VALIDATION_FAILED',
        detail: 'A client has no inbound guards',
        errors: [{ path: '/inbound', message: 'must be empty: a client receives no calls' }],
      },
    });
    expect(policiesOf('d1', design, 'ghost')).toMatchObject({ ok: false, failure: { code: 'COMPONENT_NOT_FOUND' } });
  });
});
