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

/** Each class's share of the requests against its weight's share of the mix, within five standard errors. */
function expectSplitByWeight(result: SimulationResult, weights: Record<string, number>) {
  const classes = result.classes!;
  expect(Object.keys(classes).sort()).toEqual(Object.keys(weights).sort());
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  const requests = result.totals.requests;
  expect(Object.values(classes).reduce((sum, c) => sum + c.requests, 0)).toBe(requests);
  for (const [id, weight] of Object.entries(weights)) {
    const expected = weight / total;
    const tolerance = 5 * Math.sqrt((expected * (1 - expected)) / requests);
    expect(Math.abs(classes[id]!.requests / requests - expected)).toBeLessThan(tolerance);
  }
}

const availabilityOf = (c: { requests: number; succeeded: number; degraded: number }) =>
  (c.succeeded + c.degraded) / c.requests;

describe('reference architecture templates, run by the engine', () => {
  it("Online Boutique: shipping fails after payment; the checkout class fails its SLO, the store's holds", () => {
    const result = run('online-boutique');
    expectSplitByWeight(result, {
      index: 1,
      'set-currency': 2,
      'browse-product': 10,
      'add-to-cart': 2,
      'view-cart': 3,
      checkout: 1,
    });
    expect(result.slo.verdicts.availability?.status).toBe('pass');
    expect(result.slo.classes?.['checkout']?.verdicts.availability?.status).toBe('fail');
    expect(result.slo.classes?.['browse-product']?.passed).toBe(true);
    // Only checkout asks shipping to ship; quotes (view cart) are untouched by the fault.
    const shipping = result.components['shipping']!.operations!;
    expect(shipping['ship-order']!.failed).toBeGreaterThan(0);
    expect(shipping['get-quote']!.failed).toBe(0);
    expect(result.classes!['view-cart']!.failed).toBe(0);
    // The e-mail is optional: its outage costs checkout nothing.
    expect(result.faultWindows.find((w) => w.faultId === 'email-down')!.state).toBe('no-impact');
  });

  it('Hotel Reservation: writes fail for 12 s; only the reserve class sees it, and the overall figures do not', () => {
    const result = run('deathstarbench-hotel-reservation');
    expectSplitByWeight(result, { search: 0.6, recommend: 0.39, login: 0.005, reserve: 0.005 });
    const classes = result.classes!;
    expect(availabilityOf(classes['reserve']!)).toBeLessThan(0.9);
    expect(result.slo.classes?.['reserve']?.passed).toBe(false);
    for (const id of ['search', 'recommend', 'login']) expect(classes[id]!.failed).toBe(0);
    expect(result.slo.verdicts.availability?.status).toBe('pass');
    expect(result.slo.verdicts.errorRate?.status).toBe('pass');
  });

  it('Social Network: one database down, three classes, three outcomes', () => {
    const result = run('deathstarbench-social-network');
    expectSplitByWeight(result, { 'read-home-timeline': 0.6, 'read-user-timeline': 0.3, 'compose-post': 0.1 });
    const classes = result.classes!;
    // Composing writes the user timeline: every post in the window fails.
    const compose = availabilityOf(classes['compose-post']!);
    // Reading a user timeline needs the database only on a Redis miss (one in five).
    const readUser = availabilityOf(classes['read-user-timeline']!);
    expect(compose).toBeLessThan(readUser);
    expect(readUser).toBeLessThan(1);
    // The home timeline never touches it.
    expect(classes['read-home-timeline']!.failed).toBe(0);
    expect(result.slo.classes?.['read-home-timeline']?.verdicts.availability?.status).toBe('pass');
    expect(result.slo.classes?.['compose-post']?.passed).toBe(false);
  });
});
