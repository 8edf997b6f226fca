import { describe, expect, it } from 'vitest';
import {
  DesignSchema,
  SimulationResultSchema,
  checkoutExample,
  everythingExample,
  type Design,
} from '@faultline/schemas';
import { createSimulation, designHash, simulate } from './index.ts';
import { Simulation } from './model/simulation.ts';
import { settings } from './testing.test-helpers.ts';

const everything = DesignSchema.parse(everythingExample);
const checkout = DesignSchema.parse(checkoutExample);
const run = settings({ durationMs: 60_000, warmupMs: 2_000, seed: 9 });

describe('a run', () => {
  it('is deterministic: same design, settings and seed give the same bytes', () => {
    const a = JSON.stringify(simulate(everything, run));
    const b = JSON.stringify(simulate(everything, run));
    expect(a).toBe(b);
    expect(JSON.stringify(simulate(everything, { ...run, seed: 10 }))).not.toBe(a);
  });

  it('is not changed by where the boxes sit on the canvas', () => {
    const moved: Design = {
      ...everything,
      components: everything.components.map((c) => ({ ...c, position: { x: c.position.x + 500, y: 7 } })),
    };
    expect(JSON.stringify(simulate(moved, run))).toBe(JSON.stringify(simulate(everything, run)));
    expect(designHash(moved)).toBe(designHash(everything));
    expect(designHash({ ...everything, name: 'other' })).not.toBe(designHash(everything));
  });

  it('matches the result schema, ends every request exactly once, and carries its provenance', () => {
    for (const design of [everything, checkout]) {
      const result = simulate(design, run);
      expect(() => SimulationResultSchema.parse(result)).not.toThrow();
      const t = result.totals;
      expect(t.requests).toBe(t.succeeded + t.degraded + t.failed);
      expect(Object.values(t.failedByKind).reduce((a, b) => a + b, 0)).toBe(t.failed);
      // A component's hops end too, unless still in flight when the drain stops: the everything
      // example hangs its database with no timeout on the cache's calls, so some wait forever.
      for (const stats of Object.values(result.components)) {
        if (design === checkout) expect(stats.requests).toBe(stats.succeeded + stats.failed);
        else expect(stats.requests).toBeGreaterThanOrEqual(stats.succeeded + stats.failed);
      }
      expect(result).toMatchObject({ seed: 9, settings: run, designHash: designHash(design) });
      expect(result.timeSeries.throughput.length).toBeLessThanOrEqual(600);
      expect(result.timeSeries.startMs).toBe(2_000);
    }
  });

  it('sees the same arrivals with and without faults (common random numbers)', () => {
    const arrivals = (faults: boolean) => {
      const sim = new Simulation(checkout, run, run.seed, faults);
      while (!sim.done) sim.advance();
      const c = sim.collector;
      return Array.from(c.failures, (failed, i) => c.answered(i) + failed);
    };
    const withFaults = arrivals(true);
    expect(withFaults).toEqual(arrivals(false));
    expect(withFaults.reduce((a, b) => a + b, 0)).toBeGreaterThan(10_000);
  });

  it('a baseline without faults has no fault window and no grade; the chaos run has both', () => {
    const baseline = simulate(checkout, run, { faults: false });
    expect(baseline.faultWindows).toEqual([]);
    expect(baseline.scorecard).toEqual({ recoveryRate: null, grade: null });
    expect(baseline.totals.failed).toBe(0);
    const chaos = simulate(checkout, run);
    expect(chaos.totals.requests).toBe(baseline.totals.requests);
    expect(chaos.faultWindows[0]).toMatchObject({
      faultId: 'db-outage',
      name: 'Database brief outage',
      startMs: 20_000,
      endMs: 30_000,
      impact: 'full-outage',
      state: 'recovered',
    });
    expect(chaos.events.items.map((e) => e.type)).toEqual(['fault-start', 'crash', 'restart', 'fault-end']);
  });

  it('runs in slices with progress, giving the same result as in one go', () => {
    const sliced = createSimulation(checkout, run);
    let last = -1;
    let slices = 0;
    while (!sliced.done) {
      const progress = sliced.advance({ maxEvents: 10_000 });
      expect(progress.simulatedMs).toBeGreaterThanOrEqual(last);
      expect(progress.durationMs).toBe(60_000);
      last = progress.simulatedMs;
      slices++;
    }
    expect(slices).toBeGreaterThan(5);
    expect(last).toBe(60_000);
    expect(JSON.stringify(sliced.result())).toBe(JSON.stringify(simulate(checkout, run)));
  });

  it('a caller can stop a run between slices', () => {
    const stopped = createSimulation(checkout, run);
    stopped.advance({ maxEvents: 1000 });
    expect(stopped.done).toBe(false);
    expect(() => stopped.result()).toThrow(/before the simulation is done/);
  });

  it('with replications, reports a mean and 95 % confidence interval per headline metric', () => {
    const result = simulate(checkout, { ...run, replications: 5 });
    const replications = result.replications!;
    expect(replications.count).toBe(5);
    const availability = replications.metrics.availability!;
    expect(availability.low).toBeLessThanOrEqual(availability.mean);
    expect(availability.high).toBeGreaterThanOrEqual(availability.mean);
    expect(availability.high - availability.low).toBeGreaterThan(0);
    // The first replication is the run with the given seed.
    const { replications: _, ...first } = result;
    expect(JSON.stringify(first)).toBe(
      JSON.stringify(simulate(checkout, { ...run, replications: 1 })).replace('"replications":1', '"replications":5'),
    );
  });

  it('judges the SLOs and grades the recovery', () => {
    const result = simulate(checkout, run);
    expect(result.slo.verdicts.availability).toMatchObject({ threshold: 0.99, status: 'fail' });
    expect(result.slo.verdicts.p99LatencyMs).toMatchObject({ threshold: 300, status: 'pass' });
    expect(result.slo.passed).toBe(false);
    expect(result.mttrMs).toBe(result.faultWindows[0]!.timeToRecoverMs);
    expect(result.scorecard.grade).toBe('A');
  });
});
