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

describe('CircuitBreaker: a count window holds only the calls made', () => {
  /** A breaker on a window the schema would refuse: the engine must not size anything by it. */
  const huge = (size: number, minimumCalls: number) => {
    const policy = CircuitBreakerPolicySchema.parse({ type: 'circuit-breaker', params: countWindow(4, 4, 50) });
    policy.params.slidingWindow.size = size;
    policy.params.minimumCalls = minimumCalls;
    return new CircuitBreaker('api', null, policy, () => {});
  };

  it('a window of 10^12 calls is not allocated up front: it opens as any other after its first calls', () => {
    const b = huge(1e12, 10);
    for (let i = 0; i < 9; i++) b.record(i, true, 1);
    expect(b.state).toBe(CLOSED);
    b.record(9, true, 1);
    expect(b.state).toBe(OPEN);
  });

  it('a window that grew as it filled slides exactly: the oldest calls drop out first', () => {
    const { b, calls } = breaker(countWindow(200, 200, 50));
    calls(0, 'F'.repeat(99) + 'O'.repeat(101)); // 99 of 200: under 50 %
    calls(0, 'O'.repeat(99)); // the 99 failures slid out
    calls(0, 'F'.repeat(99));
    expect(b.state).toBe(CLOSED); // 99 of 200
    calls(0, 'F');
    expect(b.state).toBe(OPEN); // 100 of 200
  });

  it('calls from before a transition are not among the causes of the next opening', () => {
    const b = huge(4, 2);
    const call = (now: number, failed: boolean, cause: number) => {
      if (b.tryAcquire(now)) b.record(now, failed, 1, cause);
    };
    call(0, false, 0);
    call(0, false, 0);
    call(0, true, 1);
    call(0, true, 1); // 2 of 4: opens, because of fault bit 1
    expect(b.rejectionCause()).toBe(1);
    [0, 0, 0].forEach(() => call(1_000, false, 0)); // half-open, then closed
    expect(b.state).toBe(CLOSED);
    call(1_100, true, 2);
    call(1_100, true, 2); // opens again, because of fault bit 2 alone
    expect(b.state).toBe(OPEN);
    expect(b.rejectionCause()).toBe(2);
  });
});
