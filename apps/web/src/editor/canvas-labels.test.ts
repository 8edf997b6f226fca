import { describe, expect, it } from 'vitest';
import { checkoutExample } from '@faultline/schemas';
import {
  capacityOf,
  nodePolicyBadges,
  policiesOnConnection,
  policyBadge,
  serviceTimeOf,
  shortMs,
} from './canvas-labels.ts';

const [users, api, db] = checkoutExample.components;

describe('what the canvas says about a part', () => {
  it('durations in the unit they read best in', () => {
    expect(shortMs(250)).toBe('250 ms');
    expect(shortMs(1500)).toBe('1.5 s');
    expect(shortMs(120_000)).toBe('2 min');
    expect(shortMs(0.5)).toBe('0.5 ms');
  });

  it('replicas × workers and service time, none for clients', () => {
    expect(capacityOf(api!)).toBe('2 × 16');
    expect(serviceTimeOf(api!)).toBe('8 ms p50 · 40 ms p99');
    expect(serviceTimeOf(db!)).toBe('~4 ms');
    expect(capacityOf(users!)).toBeNull();
    expect(serviceTimeOf({ id: 's', name: 'S', kind: 'service' })).toBe('~10 ms');
    // Operations with times of their own: the component's would be work nobody does.
    const own = { kind: 'constant' as const, value: 2 };
    const ops = (second?: typeof own) => [
      { id: 'a', name: 'A', serviceTime: own, calls: [] },
      { id: 'b', name: 'B', ...(second ? { serviceTime: second } : {}), calls: [] },
    ];
    expect(serviceTimeOf({ id: 's', name: 'S', kind: 'service', operations: ops(own) })).toBeNull();
    expect(serviceTimeOf({ id: 's', name: 'S', kind: 'service', operations: ops() })).toBe('~10 ms');
  });

  it('policies where they act: on the node for all calls, on the edge for one connection', () => {
    expect(nodePolicyBadges(api!)).toEqual(['timeout 200 ms']);
    expect(policiesOnConnection(api, 'api-db').map(policyBadge)).toEqual(['retry ×3']);
  });
});
