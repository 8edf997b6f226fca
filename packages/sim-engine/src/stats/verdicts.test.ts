import { describe, expect, it } from 'vitest';
import type { Design, DesignInput, SimulationResult, SloVerdict } from '@faultline/schemas';
import { simulate } from '../index.ts';
import { chain, client, server, settings } from '../testing.test-helpers.ts';

// SPEC §4.2: verdicts agree with the numbers beside them and say why.

type Fault = NonNullable<DesignInput['faults']>[number];

const slowDb = (id: string, startMs: number, durationMs: number | null, addMs = 50): Fault => ({
  id,
  name: `Slow database ${id}`,
  type: 'latency',
  target: { component: 'db' },
  schedule: { startMs, durationMs },
  params: { addMs: { kind: 'constant', value: addMs } },
});
const dbDown = (startMs: number, durationMs: number | null): Fault => ({
  id: 'db-down',
  name: 'Orders DB outage',
  type: 'crash',
  target: { component: 'db' },
  schedule: { startMs, durationMs },
});

function design(faults: Fault[]): Design {
  return chain(
    [
      client,
      server('api', { concurrency: 50, serviceTime: { kind: 'constant', value: 1 } }),
      server('db', { concurrency: 50, serviceTime: { kind: 'constant', value: 4 } }),
    ],
    { faults, workload: { entry: 'users', arrival: { kind: 'poisson', ratePerSecond: 50 } } },
  );
}
const run = (faults: Fault[], durationMs = 45_000, options = {}) =>
  simulate(design(faults), settings({ durationMs, seed: 7 }), options);
const statuses = (result: SimulationResult) =>
  Object.fromEntries(Object.values(result.slo.verdicts).map((v) => [v.target, v.status]));

/** A verdict agrees with its measured value unless its reason says why not. */
function agrees(v: SloVerdict): boolean {
  if (v.status === 'not-applicable') return v.reason !== undefined;
  const within =
    v.measured !== null && (v.target === 'availability' ? v.measured >= v.threshold : v.measured <= v.threshold);
  return (v.status === 'pass') === within || (v.status === 'fail' && v.reason !== undefined);
}

describe('fault windows and verdicts', () => {
  it('a fault that starts after the run is not exercised: it counts in no verdict and no grade, and the run warns', () => {
    const result = run([slowDb('later', 60_000, 10_000), slowDb('again', 120_000, 10_000)]);
    expect(result.faultWindows.map((w) => w.state)).toEqual(['not-exercised', 'not-exercised']);
    expect(result.faultWindows[0]!.reason).toBe('it starts at 60 s, after the run ends at 45 s');
    // Its window as scheduled, not cut at the run's end.
    expect(result.faultWindows.map((w) => [w.startMs, w.endMs])).toEqual([
      [60_000, 70_000],
      [120_000, 130_000],
    ]);
    expect(result.scorecard).toEqual({ recoveryRate: null, grade: null });
    expect(statuses(result)).toMatchObject({
      availability: 'pass',
      latencyDegradationMs: 'not-applicable',
      mttrMs: 'not-applicable',
      recoveryTimeMs: 'not-applicable',
    });
    expect(result.slo.passed).toBe(true);
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings[0]).toContain('"Slow database later" is never active in the measured period');
  });

  it('100 % availability with faults that ended and one that never does passes every verdict, grade A', () => {
    const result = run([slowDb('brief', 10_000, 5_000), slowDb('always', 0, null, 20)]);
    expect(result.totals.failed).toBe(0);
    expect(result.faultWindows.map((w) => [w.state, w.endMs])).toEqual([
      ['no-impact', 15_000],
      ['no-impact', null],
    ]);
    expect(Object.values(result.slo.verdicts).some((v) => v.status === 'fail')).toBe(false);
    expect(result.slo.passed).toBe(true);
    expect(result.scorecard).toEqual({ recoveryRate: 1, grade: 'A' });
  });

  it('an outage that never ends is not recovered, and says so in the recovery verdicts', () => {
    const result = run([dbDown(30_000, null)]);
    const [w] = result.faultWindows;
    expect(w).toMatchObject({ state: 'not-recovered', endMs: null, impact: 'full-outage' });
    expect(w!.reason).toContain('still active at the end of the run');
    expect(result.slo.verdicts.mttrMs).toMatchObject({
      status: 'fail',
      measured: null,
      reason: '"Orders DB outage" did not recover: still active at the end of the run',
    });
    expect(result.scorecard.grade).toBe('F');
  });

  it('a recovered outage reports when it recovered, and MTTR is measured over recovered windows', () => {
    const result = run([dbDown(10_000, 5_000)]);
    const [w] = result.faultWindows;
    expect(w).toMatchObject({ state: 'recovered', impact: 'full-outage', endMs: 15_000 });
    // Requests come back at once: the first five good seconds start when the fault ends.
    expect(w!.recoveryTimeMs).toBe(0);
    expect(w!.timeToRecoverMs).toBe(5_000);
    expect(result.mttrMs).toBe(5_000);
    expect(result.slo.verdicts.mttrMs).toMatchObject({ measured: 5_000, status: 'pass' });
    expect(w!.detectionMs).toBeGreaterThanOrEqual(0);
    expect(w!.detectionMs).toBeLessThan(100);
  });

  it('latency degradation is measured against the baseline run when there is one', () => {
    const faults = [slowDb('slow', 10_000, 10_000, 100)];
    const own = run(faults).faultWindows[0]!;
    const against = run(faults, 45_000, { baselineP99Ms: 2 }).faultWindows[0]!;
    // Before the fault a request takes 5 ms (1 + 4); in it 105 ms: the p99s differ by 100 (±1 %).
    expect(own.latencyDegradationMs).toBeGreaterThan(98);
    expect(own.latencyDegradationMs).toBeLessThan(102);
    expect(against.latencyDegradationMs! - own.latencyDegradationMs!).toBeCloseTo(3, 0);
    const none = run(faults, 45_000, { baselineP99Ms: null }).faultWindows[0]!;
    expect(none.latencyDegradationMs).toBeNull();
    expect(none.reason).toContain('no baseline latency');
  });

  it('every verdict agrees with its measured value or says why', () => {
    const results = [
      run([dbDown(10_000, 5_000)]),
      run([dbDown(30_000, null)]),
      run([slowDb('late', 60_000, 1000)]),
      run([slowDb('slow', 5000, 10_000, 600)]),
    ];
    for (const result of results) {
      for (const verdict of Object.values(result.slo.verdicts)) expect(agrees(verdict), verdict.target).toBe(true);
      expect(result.slo.passed).toBe(Object.values(result.slo.verdicts).every((v) => v.status !== 'fail'));
    }
  });

  it('a fault that ends too near the end of the run to see recovery says so, not that availability stayed low', () => {
    const [w] = run([dbDown(30_000, 12_000)]).faultWindows;
    expect(w).toMatchObject({ state: 'not-recovered', endMs: 42_000 });
    expect(w!.reason).toContain('the run ended 3 s after the fault did, too soon to see 5 seconds back at the SLO');
  });

  it('a fault active only in the warm-up leaves the latency baseline to the faults that follow', () => {
    const result = simulate(
      design([slowDb('warm-up', 0, 2000), slowDb('slow', 20_000, 5000, 100)]),
      settings({ durationMs: 45_000, warmupMs: 5000, seed: 7 }),
    );
    expect(result.faultWindows.map((w) => w.state)).toEqual(['not-exercised', 'no-impact']);
    expect(result.faultWindows[1]!.latencyDegradationMs).toBeGreaterThan(98);
  });
});

describe('throughput', () => {
  it('counts answers while the run goes: the drain after its end does not pile into the last bucket', () => {
    // 50 requests/s, each answered after 0.5 s: the last half second of arrivals (about 25
    // requests) is answered in the drain; a 20 ms bucket holds about one answer.
    const result = run([slowDb('slow', 0, null, 500)], 10_000);
    const { throughput } = result.timeSeries;
    const mean = throughput.slice(50).reduce((a, b) => a + b, 0) / (throughput.length - 50);
    expect(mean).toBeGreaterThan(40);
    expect(mean).toBeLessThan(60);
    expect(throughput.at(-1)!).toBeLessThan(4 * mean);
  });
});
