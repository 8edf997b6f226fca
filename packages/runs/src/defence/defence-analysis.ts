import type { Defence, DefenceFigures, Design, RunResult, RunSettings, SimulationResult } from '@faultline/schemas';
import { headlineMetrics, meanInterval } from '@faultline/sim-engine';
import type { Leg } from '../legs.ts';
import { asOneResult } from '../replications.ts';
import { policyVariants, type PolicyVariant } from './policies.ts';
import { difference, judge } from './verdict.ts';

/**
 * The design as it is, then once per policy without it; every variant runs each replication as a
 * leg of its own (seed, seed + 1, … as the engine numbers them) so that the availability
 * difference can be paired replication by replication.
 */
export function defenceLegs(design: Design, settings: RunSettings): Leg[] {
  const variants = [design, ...policyVariants(design).map((v) => v.without)];
  return variants.flatMap((variant) => replicationLegs(variant, settings));
}

function replicationLegs(design: Design, settings: RunSettings): Leg[] {
  if (settings.replications === 1) return [{ design, faults: true, settings }];
  return Array.from({ length: settings.replications }, (_, r) => ({
    design,
    faults: true,
    settings: { ...settings, seed: settings.seed + r, replications: 1 },
  }));
}

/** Composes the legs' results, in the order `defenceLegs` gave them. */
export function composeDefenceAnalysis(
  design: Design,
  settings: RunSettings,
  results: SimulationResult[],
): Extract<RunResult, { scenario: 'defence-analysis' }> {
  const n = settings.replications;
  const runsOf = (variant: number) => results.slice(variant * n, (variant + 1) * n);
  const chaosRuns = runsOf(0);
  const defences = policyVariants(design).map((variant, i) => defence(variant, chaosRuns, runsOf(i + 1), n));
  const size = (d: Defence) => Math.abs(d.effect.availability ?? 0);
  // Stable: policies of equal effect stay in design order.
  defences.sort((a, b) => size(b) - size(a));
  return { scenario: 'defence-analysis', chaos: asOneResult(settings, chaosRuns), defences };
}

function defence(
  { policy }: PolicyVariant,
  withRuns: SimulationResult[],
  withoutRuns: SimulationResult[],
  replications: number,
): Defence {
  const withIt = meanFigures(withRuns.map(figures));
  const without = meanFigures(withoutRuns.map(figures));
  const effect: DefenceFigures = {
    availability: difference(withIt.availability, without.availability),
    errorRate: difference(withIt.errorRate, without.errorRate),
    p99LatencyMs: difference(withIt.p99LatencyMs, without.p99LatencyMs),
    amplification: difference(withIt.amplification, without.amplification),
  };
  const availabilityInterval = replications > 1 ? pairedInterval(withRuns, withoutRuns) : null;
  return {
    policy,
    without,
    effect,
    availabilityInterval,
    ...judge(withIt, without, availabilityInterval, replications),
  };
}

function figures(result: SimulationResult): DefenceFigures {
  const { availability, errorRate, p99LatencyMs } = headlineMetrics(result);
  return { availability, errorRate, p99LatencyMs, amplification: result.totals.amplification };
}

/** Each figure's mean over the replications that have it; the run's own figures with one. */
function meanFigures(samples: DefenceFigures[]): DefenceFigures {
  const mean = (name: keyof DefenceFigures) => {
    const values = samples.map((s) => s[name]).filter((v): v is number => v !== null);
    return values.length ? Math.round(meanInterval(values).mean * 1e6) / 1e6 : null;
  };
  return {
    availability: mean('availability'),
    errorRate: mean('errorRate'),
    p99LatencyMs: mean('p99LatencyMs'),
    amplification: mean('amplification'),
  };
}

/** 95 % interval of (with − without) availability, paired by replication seed: same traffic on both sides. */
function pairedInterval(
  withRuns: SimulationResult[],
  withoutRuns: SimulationResult[],
): Defence['availabilityInterval'] {
  const differences = withRuns.flatMap((run, r) => {
    const d = difference(headlineMetrics(run).availability, headlineMetrics(withoutRuns[r]!).availability);
    return d === null ? [] : [d];
  });
  if (differences.length < 2) return null;
  const { low, high } = meanInterval(differences);
  return { low: Math.round(low * 1e6) / 1e6, high: Math.round(high * 1e6) / 1e6 };
}
