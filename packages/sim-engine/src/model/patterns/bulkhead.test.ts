import { describe, expect, it } from 'vitest';
import { BulkheadPolicySchema } from '@faultline/schemas';
import { chain, client, server, settings } from '../../testing.test-helpers.ts';
import { Call } from '../requests.ts';
import { Simulation } from '../simulation.ts';
import { Bulkhead } from './bulkhead.ts';

const bulkhead = (maxConcurrentCalls: number) =>
  new Bulkhead(BulkheadPolicySchema.parse({ type: 'bulkhead', params: { maxConcurrentCalls, maxWaitMs: 100 } }));

/** Calls waiting in the bulkhead's line, as `admit` leaves them when it parks them. */
function waitingCalls(b: Bulkhead, count: number): Call[] {
  const sim = new Simulation(chain([client, server('api')]), settings({ durationMs: 1000 }), 1);
  const calls = Array.from({ length: count }, (_, id) => new Call(id));
  for (const call of calls) b.admit(sim, call);
  return calls;
}

describe('bulkhead', () => {
  it('gives out at most maxConcurrentCalls slots', () => {
    const b = bulkhead(2);
    expect([b.tryAcquire(), b.tryAcquire(), b.tryAcquire()]).toEqual([true, true, false]);
    expect(b.inUse).toBe(2);
  });

  it('a released slot goes to the call that waited longest, in FIFO order', () => {
    const b = bulkhead(1);
    b.tryAcquire();
    const calls = waitingCalls(b, 3);
    expect(calls.every((c) => c.parked)).toBe(true);
    expect(b.release(calls)).toBe(calls[0]);
    expect(b.inUse).toBe(1);
    expect(b.release(calls)).toBe(calls[1]);
    expect(b.release(calls)).toBe(calls[2]);
    expect(b.release(calls)).toBeNull();
    expect(b.inUse).toBe(0);
  });

  it('skips calls whose wait expired or that were reused since they queued', () => {
    const b = bulkhead(1);
    b.tryAcquire();
    const calls = waitingCalls(b, 3);
    b.expire(calls[0]!, calls);
    calls[1]!.gen++; // the call object went back to its pool and serves another call now
    expect(b.release(calls)).toBe(calls[2]);
    expect(b.release(calls)).toBeNull();
    expect(b.inUse).toBe(0);
  });

  it('drops the calls whose wait expired from the head of its line, so the line never outgrows the waiting', () => {
    const b = bulkhead(1);
    b.tryAcquire();
    const calls = waitingCalls(b, 3);
    for (const call of calls) b.expire(call, calls);
    expect(b.waitingCount).toBe(0);
    expect(b.release(calls)).toBeNull();
  });
});
