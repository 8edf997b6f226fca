import { describe, expect, it } from 'vitest';
import { RunResultSchema, type RunResult } from '@faultline/schemas';
import { simulate } from '@faultline/sim-engine';
import { createScenarioRun, runScenario, sloPassed } from '../scenario-run.ts';
import { checkout, settings } from '../test-designs.test-helpers.ts';
import { policyVariants } from './policies.ts';
import { priceFallbackDesign, retryStormDesign } from './defence-designs.test-helpers.ts';

const analysis = { scenario: { kind: 'defence-analysis' } } as const;

function defencesOf(run: RunResult) {
  if (run.scenario !== 'defence-analysis') throw new Error(run.scenario);
  return run;
}

describe('defence analysis', () => {
  const design = priceFallbackDesign();
  const run = defencesOf(runScenario(design, settings({ durationMs: 20_000, warmupMs: 2_000, ...analysis })));

  it('runs the design as it is, exactly as a single run would', () => {
    expect(run.chaos).toEqual(simulate(design, settings({ durationMs: 20_000, warmupMs: 2_000, ...analysis })));
    expect(RunResultSchema.parse(run)).toEqual(run);
    expect(sloPassed(run)).toBe(run.chaos.slo.passed);
  });

  it('finds that a fallback in front of a dead dependency helped, by how much and why', () => {
    const fallback = run.defences.find((d) => d.policy.type === 'fallback')!;
    expect(fallback.policy).toEqual({ component: 'api', type: 'fallback', connection: 'api-price' });
    expect(fallback.verdict).toBe('helped');
    expect(fallback.without.availability).toBe(0);
    expect(fallback.effect.availability).toBe(1);
    expect(fallback.reason).toBe('Helped: availability 100.00 % with it, 0.00 % without: +100.00 points.');
    expect(fallback.availabilityInterval).toBeNull();
  });

  it('finds that a timeout the calls never reach changed nothing, and says so', () => {
    const timeout = run.defences.find((d) => d.policy.type === 'timeout')!;
    expect(timeout.verdict).toBe('no-effect');
    expect(timeout.effect).toEqual({ availability: 0, errorRate: 0, p99LatencyMs: 0, amplification: 0 });
    expect(timeout.reason).toMatch(/^No effect: availability moved less than 0\.1 point and p99 less than 5 %/);
  });

  it('puts the largest availability effect first', () => {
    expect(run.defences.map((d) => d.policy.type)).toEqual(['fallback', 'timeout']);
  });

  it('finds that retries without backoff turned a 5 s slow spell into a storm: the retry hurt', () => {
    const storm = defencesOf(
      runScenario(retryStormDesign(), settings({ durationMs: 30_000, warmupMs: 2_000, ...analysis })),
    );
    const retry = storm.defences.find((d) => d.policy.type === 'retry')!;
    expect(retry.policy).toEqual({ component: 'api', type: 'retry', connection: null });
    expect(retry.verdict).toBe('hurt');
    expect(retry.effect.availability!).toBeLessThan(-0.05);
    expect(retry.effect.amplification!).toBeGreaterThan(0);
    expect(retry.reason).toMatch(/^Hurt: availability \d+\.\d\d % with it, \d+\.\d\d % without: −\d+\.\d\d points/);
  });

  it('with replications, judges on the interval of the difference paired by seed', () => {
    const replicated = settings({ durationMs: 10_000, warmupMs: 1_000, replications: 3, ...analysis });
    const result = defencesOf(runScenario(design, replicated));
    // The design as it is, as the engine reports replications.
    expect(JSON.stringify(result.chaos)).toBe(JSON.stringify(simulate(design, replicated)));
    const [fallback, timeout] = result.defences;
    expect(fallback!.verdict).toBe('helped');
    const { low, high } = fallback!.availabilityInterval!;
    expect(low).toBeGreaterThan(0.95);
    expect(low).toBeLessThanOrEqual(fallback!.effect.availability!);
    expect(high).toBeGreaterThanOrEqual(fallback!.effect.availability!);
    expect(fallback!.reason).toContain('(mean of 3 replications)');
    expect(fallback!.reason).toContain(
      `95 % interval +${(low * 100).toFixed(2)} points to +${(high * 100).toFixed(2)} points`,
    );
    // Identical runs with and without: the interval is 0 to 0, which contains 0.
    expect(timeout!.verdict).toBe('no-effect');
    expect(timeout!.availabilityInterval).toEqual({ low: 0, high: 0 });
    expect(timeout!.reason).toMatch(/^No effect: the interval of the availability difference contains 0/);
  });

  it('has nothing to say about a design without a policy', () => {
    const bare = { ...checkout, components: checkout.components.map((c) => ({ ...c, resilience: [] })) };
    const result = defencesOf(runScenario(bare, settings({ durationMs: 10_000, ...analysis })));
    expect(result.defences).toEqual([]);
  });

  it('reports progress across the design and every variant, ending at 100 %', () => {
    const scenario = createScenarioRun(design, settings({ durationMs: 10_000, replications: 2, ...analysis }));
    const seen: number[] = [];
    while (!scenario.done) {
      const step = scenario.advance(5_000);
      seen.push(step.percent);
      expect(step.totalMs).toBe(10_000 * 2 * 3);
    }
    expect(seen.at(-1)).toBe(100);
    expect(seen.some((p) => p > 30 && p < 70)).toBe(true);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]!);
  });
});

describe('policies of a design', () => {
  it('lists outgoing policies then inbound guards, component by component, each removed alone', () => {
    const guarded = {
      ...checkout,
      components: checkout.components.map((c) =>
        c.id === 'api' && 'inbound' in c
          ? { ...c, inbound: [{ type: 'load-shedding' as const, params: { maxInFlight: 5 } }] }
          : c,
      ),
    };
    const variants = policyVariants(guarded);
    expect(variants.map((v) => v.policy)).toEqual([
      { component: 'api', type: 'timeout', connection: null },
      { component: 'api', type: 'retry', connection: 'api-db' },
      { component: 'api', type: 'load-shedding', connection: null },
    ]);
    const api = (d: (typeof variants)[number]['without']) => d.components.find((c) => c.id === 'api')!;
    expect(api(variants[1]!.without).resilience.map((p) => p.type)).toEqual(['timeout']);
    expect(api(variants[2]!.without)).toMatchObject({ inbound: [], resilience: api(guarded).resilience });
  });
});
