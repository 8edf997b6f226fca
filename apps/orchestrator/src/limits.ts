import { simulationCount } from '@faultline/runs';
import type { Design, RunSettings } from '@faultline/schemas';

/**
 * Entry requests the run is expected to simulate at the workload's base rate. Every request is
 * at least one event, so a run whose arrivals alone pass the event limit is refused up front
 * rather than failed minutes later. (Closed workloads depend on latency; they are only checked
 * as they run.)
 */
export function expectedArrivals(design: Design, settings: RunSettings): number {
  const { arrival } = design.workload;
  if (arrival.kind === 'closed') return 0;
  return Math.round((arrival.ratePerSecond * settings.durationMs) / 1000) * simulationCount(design, settings);
}
