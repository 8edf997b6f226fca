import { describe, expect, it } from 'vitest';
import { DESIGN_TEMPLATES, RunSettingsSchema, validateDesign, type SimulationResult } from '@faultline/schemas';
import { runScenario } from './scenario-run.ts';

// Every example a new design can start from, run as a person would open and run it: a minute
// with five seconds of warm-up (the run dialog's defaults). Each must teach what it says it does.
const settings = RunSettingsSchema.parse({ durationMs: 60_000, warmupMs: 5_000 });

function run(id: string): SimulationResult {
  const template = DESIGN_TEMPLATES.find((t) => t.id === id);
  if (!template) throw new Error(`no template ${id}`);
  const validation = validateDesign(template.design);
  if (!validation.success) throw new Error(JSON.stringify(validation.issues));
  const outcome = runScenario(validation.design, settings);
  if (outcome.scenario !== 'single') throw new Error(outcome.scenario);
  return outcome.result;
}

const windowOf = (result: SimulationResult) => result.faultWindows[0]!;

describe('design templates', () => {
  it('are at least four, each valid by the schemas, named, described in a line, and with a fault to show', () => {
    expect(DESIGN_TEMPLATES.length).toBeGreaterThanOrEqual(4);
    expect(new Set(DESIGN_TEMPLATES.map((t) => t.id)).size).toBe(DESIGN_TEMPLATES.length);
    for (const template of DESIGN_TEMPLATES) {
      expect(validateDesign(template.design)).toMatchObject({ success: true });
      expect(template.description).not.toContain('\n');
      expect(template.design.faults?.length).toBeGreaterThan(0);
    }
  });

  it('checkout: the orders database outage fails checkouts, the cache keeps product pages up, and it recovers', () => {
    const result = run('checkout-database-outage');
    const window = windowOf(result);
    expect(window.impact).not.toBe('none');
    expect(window.state).toBe('recovered');
    expect(result.components['checkout']!.failed).toBeGreaterThan(0);
    expect(result.components['products']!.failed).toBe(0);
  });

  it('retry storm: without a breaker the retries take the system down; with one it stays up', () => {
    const storm = run('retry-storm');
    const cured = run('retry-storm-with-breaker');
    expect(windowOf(storm).availability!).toBeLessThan(0.5);
    expect(windowOf(cured).availability!).toBeGreaterThan(0.95);
    expect(storm.totals.amplification).toBeGreaterThan(cured.totals.amplification + 0.5);
    const breaker = cured.policies.find((p) => p.type === 'circuit-breaker');
    expect(breaker?.type === 'circuit-breaker' && breaker.counters.opened).toBeGreaterThan(0);
  });

  it('cascading failure: a slow dependency fails requests that never call it', () => {
    const result = run('cascading-slow-dependency');
    // Only one request in five calls payments, yet far more than that fail while it is slow.
    expect(windowOf(result).availability!).toBeLessThan(0.6);
    expect(result.components['web']!.failed).toBeGreaterThan(0);
    expect(result.components['catalog']!.failed).toBe(0);
    expect(result.components['payments']!.failed).toBe(0);
  });

  it('queue backlog: users see no failure while the queue backs up and then drops orders', () => {
    const result = run('queue-backlog');
    expect(result.totals.failed).toBe(0);
    expect(result.components['queue']!.meanQueueLength).toBeGreaterThan(100);
    expect(result.components['queue']!.failedByKind['overloaded']).toBeGreaterThan(0);
  });
});
