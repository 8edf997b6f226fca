import { describe, expect, it } from 'vitest';
import type { FaultInput } from '@faultline/schemas';
import { simulate } from '../index.ts';
import { settings } from '../testing.test-helpers.ts';
import { apiAndDb, constantRate, fault } from './tiny-models.test-fixture.ts';

// A fault's schedule (SPEC §3.3): window, probability, ramp, intermittent, maxTriggers. The
// model is users → api → db (1 ms, then 2 ms of work, no network time) with an error fault on
// the db; with constant arrivals every request reaches the db 1 ms after it arrives.
type Schedule = NonNullable<FaultInput['schedule']>;

const errorsOnDb = (schedule: Schedule, ratePerSecond = 100) =>
  apiAndDb({
    arrival: constantRate(ratePerSecond),
    faults: [
      fault({ type: 'error', target: { component: 'db' }, schedule, params: { errorTypes: ['internal-error'] } }),
    ],
  });
const tenSeconds = settings({ durationMs: 10_000 });

describe('fault schedule', () => {
  it('acts only inside its window [startMs, startMs + durationMs)', () => {
    const result = simulate(errorsOnDb({ startMs: 3_000, durationMs: 4_000 }, 1), tenSeconds);
    // Requests at 1 s … 9 s reach the db at 1,001 … 9,001 ms: those of 3 s to 6 s are in the window.
    expect(result.totals).toMatchObject({ requests: 9, failed: 4, succeeded: 5 });
    expect(result.faultWindows[0]).toMatchObject({ startMs: 3_000, endMs: 7_000 });
    expect(result.events.items.map((e) => [e.type, e.atMs])).toEqual([
      ['fault-start', 3_000],
      ['fault-end', 7_000],
    ]);
  });

  it('without a duration, lasts to the end of the run', () => {
    const result = simulate(errorsOnDb({ startMs: 5_000, durationMs: null }, 1), tenSeconds);
    expect(result.totals).toMatchObject({ requests: 9, failed: 5 });
    expect(result.faultWindows[0]).toMatchObject({ startMs: 5_000, endMs: null, state: 'not-recovered' });
  });

  it('acts on each request with its probability', () => {
    const result = simulate(errorsOnDb({ probability: 0.3 }), tenSeconds);
    const n = result.totals.requests;
    expect(Math.abs(result.totals.failed / n - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / n));
  });

  it('a ramp from 0 to 1 fails about half: the probability grows linearly across the window', () => {
    const result = simulate(errorsOnDb({ startMs: 0, durationMs: 10_000, ramp: { from: 0, to: 1 } }), tenSeconds);
    // Request i of n meets p ≈ i / n: expected failures Σp ≈ n / 2, variance Σp(1 − p) ≈ n / 6.
    const n = result.totals.requests;
    expect(Math.abs(result.totals.failed - n / 2)).toBeLessThan(4 * Math.sqrt(n / 6));
  });

  it('a ramp replaces the probability: from 0 to 0 fails nothing even at probability 1', () => {
    const result = simulate(
      errorsOnDb({ startMs: 0, durationMs: 10_000, probability: 1, ramp: { from: 0, to: 0 } }),
      tenSeconds,
    );
    expect(result.totals.failed).toBe(0);
  });

  it('a ramp down from 1 to 0 over the first half fails about a quarter, and none after it', () => {
    const result = simulate(errorsOnDb({ startMs: 0, durationMs: 5_000, ramp: { from: 1, to: 0 } }), tenSeconds);
    // The 500 requests of the window fail with mean probability 1/2; the 499 after it never.
    expect(Math.abs(result.totals.failed - 250)).toBeLessThan(4 * Math.sqrt(500 / 6));
    const secondHalf = result.timeSeries.errorRate.slice(result.timeSeries.errorRate.length / 2 + 1);
    expect(secondHalf.every((rate) => rate === 0 || rate === null)).toBe(true);
  });

  it('flapping 1 s on, 3 s off fails about a quarter', () => {
    const result = simulate(
      errorsOnDb({ startMs: 0, durationMs: null, intermittent: { onMs: 1_000, offMs: 3_000 } }),
      settings({ durationMs: 40_000 }),
    );
    // On in [4k, 4k + 1) seconds for k = 0 … 9. Requests arrive every 10 ms and reach the db at
    // 10j + 1 ms: 100 of them in each "on" second, but the first second has no arrival at 0 ms.
    expect(result.totals.requests).toBe(3_999);
    expect(result.totals.failed).toBe(10 * 100 - 1);
  });

  it('flapping switches a crash on and off: down, restarted, down again', () => {
    const design = apiAndDb({
      faults: [
        fault({
          type: 'crash',
          target: { component: 'db' },
          schedule: { startMs: 2_000, durationMs: 6_000, intermittent: { onMs: 1_000, offMs: 1_000 } },
        }),
      ],
    });
    const result = simulate(design, tenSeconds);
    // Down in [2, 3), [4, 5) and [6, 7) s; the window's last second is an "off" one.
    expect(result.events.items.map((e) => [e.type, e.atMs])).toEqual([
      ['fault-start', 2_000],
      ['crash', 2_000],
      ['restart', 3_000],
      ['crash', 4_000],
      ['restart', 5_000],
      ['crash', 6_000],
      ['restart', 7_000],
      ['fault-end', 7_000],
    ]);
    // The requests of 2 s, 4 s and 6 s reach the db while it is down.
    expect(result.totals).toMatchObject({ requests: 9, succeeded: 6, failedByKind: { 'connection-refused': 3 } });
  });

  it('maxTriggers: 5 fails exactly 5 measured requests', () => {
    const result = simulate(errorsOnDb({ maxTriggers: 5 }), tenSeconds);
    expect(result.totals.requests).toBe(999);
    expect(result.totals).toMatchObject({ failed: 5, failedByKind: { 'internal-error': 5 } });
  });

  it('maxTriggers counts the requests the fault acted on, not those it saw', () => {
    const result = simulate(errorsOnDb({ probability: 0.1, maxTriggers: 5 }), tenSeconds);
    expect(result.totals.failed).toBe(5);
  });

  it('a disabled fault does nothing', () => {
    const design = errorsOnDb({});
    design.faults[0]!.enabled = false;
    const result = simulate(design, tenSeconds);
    expect(result.totals.failed).toBe(0);
    expect(result.faultWindows).toEqual([]);
  });
});
