import { describe, expect, it } from 'vitest';
import {
  FAULT_TYPES,
  InboundPolicySchema,
  OUTGOING_POLICY_ORDER,
  OutgoingPolicySchema,
  type Fault,
  type InboundPolicy,
} from '@faultline/schemas';
import type { FaultKind } from './faults/injected-fault.ts';
import { FAULT_KINDS } from './faults/registry.ts';
import { INBOUND_PATTERNS, OUTGOING_ORDER, OUTGOING_PATTERNS } from './patterns/registry.ts';

const typesOf = (schema: { options: readonly { shape: { type: { value: string } } }[] }) =>
  schema.options.map((o) => o.shape.type.value).sort();

describe('engine registries', () => {
  it('every fault type the schemas accept has its engine behaviour, and nothing else does', () => {
    expect(Object.keys(FAULT_KINDS).sort()).toEqual([...FAULT_TYPES].sort());
  });

  it('a registry missing a fault type does not compile', () => {
    const { bandwidth: _left, ...withoutBandwidth } = FAULT_KINDS;
    // @ts-expect-error: the bandwidth fault has no engine entry
    const incomplete: { [T in Fault['type']]: FaultKind<T> } = withoutBandwidth;
    expect(Object.keys(incomplete)).not.toContain('bandwidth');
  });

  it('every resilience pattern has its class, outgoing ones in the SPEC order', () => {
    expect(Object.keys(OUTGOING_PATTERNS).sort()).toEqual(typesOf(OutgoingPolicySchema));
    expect(Object.keys(INBOUND_PATTERNS).sort()).toEqual(typesOf(InboundPolicySchema));
    // SPEC §3.4: fallback, retry, circuit breaker, bulkhead, timeout, outermost first.
    expect(OUTGOING_ORDER).toEqual(OUTGOING_POLICY_ORDER);
    const inboundFirst: InboundPolicy['type'] = 'load-shedding';
    expect(INBOUND_PATTERNS[inboundFirst].layer).toBeLessThan(INBOUND_PATTERNS['rate-limiter'].layer);
  });
});
