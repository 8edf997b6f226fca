import { describe, expect, it } from 'vitest';
import { CircuitBreakerPolicySchema } from '@faultline/schemas';
import type { Policy } from '../tiny-models.test-fixture.ts';
// The one import of the class under test: if it moves, only this line changes.
import { CLOSED, HALF_OPEN, OPEN } from '../../codes.ts';
import { CircuitBreaker } from './circuit-breaker.ts';

// Resilience4j's circuit breaker, driven call by call (SPEC §3.4).

type Params = Extract<Policy, { type: 'circuit-breaker' }>['params'];

function breaker(params: Params) {
  const transitions: [from: number, to: number, at: number][] = [];
  const policy = CircuitBreakerPolicySchema.parse({ type: 'circuit-breaker', params });
  const b = new CircuitBreaker('api', null, policy, (_, from, to, at) => transitions.push([from, to, at]));
  /** One call at `now`: refused (false), or let through and recorded with its outcome. */
  const call = (now: number, failed: boolean, durationMs = 1): boolean => {
    if (!b.tryAcquire(now)) return false;
    b.record(now, failed, durationMs);
    return true;
  };
  /** Calls at `now`, one per letter: F failed, S slow (2 s), O fine. */
  const calls = (now: number, outcomes: string) => {
    for (const o of outcomes) call(now, o === 'F', o === 'S' ? 2_000 : 1);
  };
  return { b, transitions, call, calls };
}

const countWindow = (size: number, minimumCalls: number, failureRateThreshold: number): Params => ({
  slidingWindow: { type: 'count', size },
  minimumCalls,
  failureRateThreshold,
  waitInOpenMs: 1_000,
  permittedCallsInHalfOpen: 3,
});

describe('CircuitBreaker: closed', () => {
  it('opens when the failure rate over the last `size` calls reaches the threshold', () => {
    const { b, transitions, calls } = breaker(countWindow(4, 4, 50));
    calls(10, 'OFO');
    expect(b.state).toBe(CLOSED); // three calls: under minimumCalls
    calls(20, 'O');
    expect(b.state).toBe(CLOSED); // 1 of 4 = 25 %
    calls(30, 'F');
    // The window is the last four, F O O F: 50 % reaches the threshold.
    expect(b.state).toBe(OPEN);
    expect(transitions).toEqual([[CLOSED, OPEN, 30]]);
  });

  it('a count window slides: calls older than the last `size` no longer count', () => {
    const { b, calls } = breaker(countWindow(4, 4, 75));
    calls(0, 'FFOO'); // 50 %
    calls(0, 'O'); // F O O O: 25 %
    calls(0, 'FF'); // O O F F: 50 %
    expect(b.state).toBe(CLOSED); // counted from the start it would be 4 of 7
    calls(0, 'F'); // O F F F: 75 %
    expect(b.state).toBe(OPEN);
  });

  it('does not open before minimumCalls, even when every call failed', () => {
    const { b, calls } = breaker(countWindow(10, 5, 50));
    calls(0, 'FFFF');
    expect(b.state).toBe(CLOSED);
    calls(0, 'F');
    expect(b.state).toBe(OPEN);
  });

  it('a time window holds the calls of the last `size` ms only', () => {
    // (Ten buckets of 100 ms: a call leaves the window with its bucket.)
    const timeWindow: Params = { ...countWindow(1, 2, 60), slidingWindow: { type: 'time', size: 1_000 } };
    // F then O then F within a second: 2 of 3 fail, 67 %.
    const inside = breaker(timeWindow);
    inside.call(0, true);
    inside.call(500, false);
    inside.call(900, true);
    expect(inside.b.state).toBe(OPEN);
    // The same calls, the last one after the first has left the window: 1 of 2, 50 %.
    const later = breaker(timeWindow);
    later.call(0, true);
    later.call(500, false);
    later.call(1_050, true);
    expect(later.b.state).toBe(CLOSED);
    later.call(1_100, true); // O F F: 67 %
    expect(later.b.state).toBe(OPEN);
  });

  it('opens on slow calls alone, at slowCallRateThreshold', () => {
    const { b, calls } = breaker({
      ...countWindow(4, 4, 100),
      slowCallDurationMs: 1_000,
      slowCallRateThreshold: 50,
    });
    calls(0, 'SOOO'); // 1 slow of 4: 25 %
    calls(0, 'S'); // O O O S: still 25 %
    expect(b.state).toBe(CLOSED);
    calls(0, 'S'); // O O S S: 50 %, and not one failure
    expect(b.state).toBe(OPEN);
  });
});

describe('CircuitBreaker: open and half-open', () => {
  const opened = () => {
    const t = breaker(countWindow(2, 2, 50));
    t.calls(100, 'FF');
    expect(t.b.state).toBe(OPEN);
    return t;
  };

  it('open rejects every call for waitInOpenMs, then lets calls through half-open', () => {
    const { b, transitions, call } = opened();
    expect(call(100, false)).toBe(false);
    expect(call(1_099, false)).toBe(false);
    expect(b.tryAcquire(1_100)).toBe(true);
    expect(b.state).toBe(HALF_OPEN);
    expect(transitions.at(-1)).toEqual([OPEN, HALF_OPEN, 1_100]);
  });

  it('half-open admits permittedCallsInHalfOpen calls and refuses the rest until they end', () => {
    const { b } = opened();
    expect([1, 2, 3, 4].map(() => b.tryAcquire(1_100))).toEqual([true, true, true, false]);
    b.record(1_110, false, 10);
    b.record(1_120, false, 10);
    expect(b.state).toBe(HALF_OPEN); // decides on all three
    expect(b.tryAcquire(1_120)).toBe(false);
    b.record(1_130, false, 10);
    expect(b.state).toBe(CLOSED);
  });

  it('half-open closes when the failure rate of its calls is under the threshold', () => {
    const { b, transitions, call } = opened();
    [true, false, false].forEach((failed) => call(1_200, failed)); // 33 %
    expect(b.state).toBe(CLOSED);
    expect(transitions.at(-1)).toEqual([HALF_OPEN, CLOSED, 1_200]);
  });

  it('half-open opens again when it is not, for another waitInOpenMs', () => {
    const { b, transitions, call } = opened();
    [true, true, false].forEach((failed) => call(1_200, failed)); // 67 %
    expect(b.state).toBe(OPEN);
    expect(transitions.at(-1)).toEqual([HALF_OPEN, OPEN, 1_200]);
    expect(b.tryAcquire(2_199)).toBe(false);
    expect(b.tryAcquire(2_200)).toBe(true);
  });

  it('after closing, the window starts afresh', () => {
    const { b, call } = opened();
    [false, false, false].forEach((failed) => call(1_200, failed));
    expect(b.state).toBe(CLOSED);
    call(1_300, true); // one call: under minimumCalls (2)
    expect(b.state).toBe(CLOSED);
  });

  it('the outcome of a call let through before the breaker opened is ignored', () => {
    const { b, transitions } = breaker(countWindow(2, 2, 50));
    [1, 2, 3].forEach(() => b.tryAcquire(0));
    b.record(10, true, 10);
    b.record(10, true, 10);
    expect(b.state).toBe(OPEN);
    b.record(20, false, 20);
    expect(b.state).toBe(OPEN);
    expect(transitions).toHaveLength(1);
  });
});
