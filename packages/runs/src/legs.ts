import type { Design, RunSettings } from '@faultline/schemas';
import { defenceLegs } from './defence/defence-analysis.ts';
import { policyVariants } from './defence/policies.ts';
import { sweepValues, withParameter } from './sweep.ts';

/**
 * One engine simulation a scenario needs: baseline-vs-chaos has two, a sweep one per step, a
 * defence analysis one per policy and replication (plus the design as it is).
 */
export interface Leg {
  design: Design;
  faults: boolean;
  /** The run's settings, or, for one replication of a defence analysis, its seed alone. */
  settings: RunSettings;
}

/** The legs of the scenario, in the order their results are composed. */
export function legsOf(design: Design, settings: RunSettings): Leg[] {
  const { scenario } = settings;
  switch (scenario.kind) {
    case 'single':
      return [{ design, faults: true, settings }];
    case 'baseline-vs-chaos':
      return [
        { design, faults: false, settings },
        { design, faults: true, settings },
      ];
    case 'sweep':
      return sweepValues(scenario).map((value) => ({
        design: withParameter(design, scenario.parameter, value),
        faults: true,
        settings,
      }));
    case 'defence-analysis':
      return defenceLegs(design, settings);
  }
}

/** How many engine simulations the scenario needs, replications included, without building them. */
export function simulationCount(design: Design, settings: RunSettings): number {
  const { scenario } = settings;
  const legs =
    scenario.kind === 'baseline-vs-chaos'
      ? 2
      : scenario.kind === 'sweep'
        ? scenario.steps
        : scenario.kind === 'defence-analysis'
          ? 1 + policyVariants(design).length
          : 1;
  return legs * settings.replications;
}
