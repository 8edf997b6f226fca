import { describe, expect, it } from 'vitest';
import { simulate } from '../index.ts';
import { settings } from '../testing.test-helpers.ts';
import { cascadeDesign } from './cascade.test-fixture.ts';

// Nothing here scripts the collapse: it comes from workers held while waiting, timeouts that
// leave work behind, and retries that multiply the load.
describe('cascading failure', () => {
  const run = (withBreaker: boolean) => simulate(cascadeDesign(withBreaker), settings({ durationMs: 60_000, seed: 1 }));

  it('a slow database with retries and no breaker collapses and stays down after the fault', () => {
    const result = run(false);
    const [window] = result.faultWindows;
    expect(window).toMatchObject({ impact: 'full-outage', state: 'not-recovered', recoveryTimeMs: null });
    // Forty seconds after the fault ended, still nothing gets through.
    const afterFault = result.timeSeries.successRate.slice(450);
    expect(Math.max(...afterFault.map((r) => r ?? 0))).toBeLessThan(0.05);
    // The database drowns in work nobody waits for.
    expect(result.components.db!.meanQueueLength).toBeGreaterThan(1000);
    expect(result.totals.wastedWork).toBeGreaterThan(10_000);
    expect(result.scorecard).toEqual({ recoveryRate: 0, grade: 'F' });
    expect(result.slo.passed).toBe(false);
  });

  it('the same design with a circuit breaker recovers soon after the fault', () => {
    const result = run(true);
    const [window] = result.faultWindows;
    expect(window!.state).toBe('recovered');
    expect(window!.recoveryTimeMs).toBeLessThanOrEqual(3000);
    expect(result.totals.failedByKind['circuit-open']).toBeGreaterThan(0);
    expect(result.components.db!.meanQueueLength).toBeLessThan(10);
    expect(result.scorecard).toEqual({ recoveryRate: 1, grade: 'A' });
    expect(result.events.items.some((e) => e.type === 'circuit-transition' && e.to === 'open')).toBe(true);
  });
});
