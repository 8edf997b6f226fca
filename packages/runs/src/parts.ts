import type { Design, PartKind, RunResult, RunSettings, SimulationResult } from '@faultline/schemas';
import { createSimulation, type RunningSimulation } from '@faultline/sim-engine';
import { compose } from './compose.ts';
import { legsOf } from './legs.ts';
import { asOneResult } from './replications.ts';

/**
 * One replication of one leg of a scenario: the unit of work that runs on a thread or a host of
 * its own. Parts are independent, except that the chaos side of baseline-vs-chaos measures its
 * latency degradation against the p99 of its baseline replication (`after`), so it starts once
 * that part is done. Every part is one engine simulation of one replication with the seed the
 * engine itself would have given that replication, so composing the parts gives the same bytes
 * as running the legs whole.
 */
export interface Part {
  kind: PartKind;
  /** The leg it belongs to, in the order `compose` reads them: sweep step, defence variant… */
  leg: number;
  replication: number;
  design: Design;
  faults: boolean;
  /** One replication: the run's settings with this replication's seed. */
  settings: RunSettings;
  /** The part whose p99 latency degradation is measured against; null if none. */
  after: number | null;
}

/** The parts of the scenario, in the order their results are assembled. */
export function partsOf(design: Design, settings: RunSettings): Part[] {
  const kind = partKind(settings);
  const parts: Part[] = [];
  legsOf(design, settings).forEach((leg, index) => {
    const { replications, seed } = leg.settings;
    for (let replication = 0; replication < replications; replication++) {
      // A defence analysis already splits its replications into legs; name them by variant.
      const legKind = settings.scenario.kind === 'baseline-vs-chaos' ? (leg.faults ? 'chaos' : 'baseline') : kind;
      parts.push({
        kind: legKind,
        leg: index,
        replication,
        design: leg.design,
        faults: leg.faults,
        settings: replications === 1 ? leg.settings : { ...leg.settings, seed: seed + replication, replications: 1 },
        after: legKind === 'chaos' ? replication : null,
      });
    }
  });
  return parts;
}

function partKind(settings: RunSettings): PartKind {
  switch (settings.scenario.kind) {
    case 'sweep':
      return 'step';
    case 'defence-analysis':
      return 'variant';
    default:
      return 'simulation';
  }
}

/**
 * Starts the part's simulation. `baseline` is the result of the part it comes `after`, when it
 * has one: the chaos side measures latency degradation against its p99 (SPEC §4.2).
 */
export function startPart(part: Part, baseline?: SimulationResult): RunningSimulation {
  return createSimulation(part.design, part.settings, {
    faults: part.faults,
    ...(part.after !== null && baseline ? { baselineP99Ms: baseline.latency.p99 } : {}),
  });
}

/** The scenario's result from its parts' results, in the order `partsOf` gave them. */
export function assemble(design: Design, settings: RunSettings, parts: Part[], results: SimulationResult[]): RunResult {
  const legs: SimulationResult[][] = [];
  parts.forEach((part, i) => (legs[part.leg] ??= []).push(results[i]!));
  // A leg of several parts is a leg with the run's replications, so the run's settings are its own.
  return compose(
    design,
    settings,
    legs.map((runs) => asOneResult(settings, runs)),
  );
}
