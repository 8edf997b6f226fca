import type { Component, Design, Distribution, RunSettings } from '@faultline/schemas';
import { simulationCount } from '../legs.ts';
import { withParameter } from '../sweep.ts';

/**
 * The work a run implies, worked out from the design and settings alone, before anything runs:
 * the entry requests at the workload's peak, times the components each visits, times the
 * simulations the scenario needs. Every visit is at least one event, so `events` is a floor of
 * what the engine will process. Pure; the orchestrator's launch checks and the command line both
 * refuse a run on it, with the same words.
 */
export interface RunWork {
  /** Entry requests per second at the peak: over the load profile, or as fast as closed-loop users cycle. */
  peakRate: number;
  /** Where that rate comes from, as JSON pointers: the rate or users field, and a spike that multiplies it. */
  rateFields: string[];
  /** Entry requests one simulation brings at the peak rate. */
  requests: number;
  /** Components a request visits on average when nothing fails (its calls' fan-out), the entry included. */
  visitsPerRequest: number;
  /** Events one simulation takes at least. */
  eventsPerSimulation: number;
  /** Engine simulations: the scenario's legs times the replications. */
  simulations: number;
  /** Events the whole run takes at least. */
  events: number;
  /** For a sweep whose end implies more work than the design as it is: that end's field. */
  sweepEnd: 'from' | 'to' | null;
}

/** What one simulation of the design implies. */
interface SimulationWork {
  peakRate: number;
  rateFields: string[];
  requests: number;
  visitsPerRequest: number;
  events: number;
}

export function runWork(design: Design, settings: RunSettings): RunWork {
  let work = simulationWork(design, settings.durationMs);
  let sweepEnd: RunWork['sweepEnd'] = null;
  const { scenario } = settings;
  if (scenario.kind === 'sweep') {
    // Each figure here grows or shrinks steadily with any one number of the design, so the
    // busiest step is one of the two ends.
    for (const end of ['from', 'to'] as const) {
      const atEnd = simulationWork(designAt(design, scenario.parameter, scenario[end]), settings.durationMs);
      if (atEnd.events > work.events) [work, sweepEnd] = [atEnd, end];
    }
  }
  const simulations = simulationCount(design, settings);
  return {
    peakRate: work.peakRate,
    rateFields: work.rateFields,
    requests: work.requests,
    visitsPerRequest: work.visitsPerRequest,
    eventsPerSimulation: work.events,
    simulations,
    events: work.events * simulations,
    sweepEnd,
  };
}

/** The design with a sweep's value in place; the design as it is when the pointer names no number. */
function designAt(design: Design, pointer: string, value: number): Design {
  try {
    return withParameter(design, pointer, value);
  } catch {
    return design; // checkSweep reports the pointer or the value
  }
}

function simulationWork(design: Design, durationMs: number): SimulationWork {
  const { peakRate, rateFields } = peakArrivalRate(design);
  const requests = (peakRate * durationMs) / 1000;
  const visitsPerRequest = visitsPerEntryRequest(design);
  // 0 × Infinity (no time, endless loop) is still endless.
  const events = requests === 0 ? 0 : requests * visitsPerRequest;
  return { peakRate, rateFields, requests, visitsPerRequest, events };
}

/**
 * Open arrivals: the highest rate any phase or the base reaches, multiplied by every spike above
 * one, as the engine's arrival process draws its candidates (Poisson thinning runs at that rate
 * the whole run long). Closed loop: users over the shortest cycle a user can make, think time
 * plus the first required call's latency and service time.
 */
function peakArrivalRate(design: Design): { peakRate: number; rateFields: string[] } {
  const { arrival, profile = [] } = design.workload;
  if (arrival.kind === 'closed') {
    const cycleMs = meanFloor(arrival.thinkTime) + responseFloorMs(design);
    return cycleMs > 0
      ? { peakRate: (arrival.users * 1000) / cycleMs, rateFields: ['/workload/arrival/users'] }
      : { peakRate: Infinity, rateFields: ['/workload/arrival/thinkTime'] };
  }
  let peak = arrival.ratePerSecond;
  let field = '/workload/arrival/ratePerSecond';
  let spikes = 1;
  let biggestSpike: { multiplier: number; field: string } | null = null;
  profile.forEach((phase, i) => {
    if (phase.kind === 'spike') {
      if (phase.multiplier <= 1) return;
      spikes *= phase.multiplier;
      if (!biggestSpike || phase.multiplier > biggestSpike.multiplier)
        biggestSpike = { multiplier: phase.multiplier, field: `/workload/profile/${i}/multiplier` };
      return;
    }
    const rates: [number, string][] =
      phase.kind === 'constant'
        ? [[phase.ratePerSecond, 'ratePerSecond']]
        : [
            [phase.from, 'from'],
            [phase.to, 'to'],
          ];
    for (const [rate, key] of rates) if (rate > peak) [peak, field] = [rate, `/workload/profile/${i}/${key}`];
  });
  const spike = biggestSpike as { field: string } | null;
  return { peakRate: peak * spikes, rateFields: spike ? [field, spike.field] : [field] };
}

/** A floor of a distribution's mean (SPEC §3.5): a normal truncated at 0 has a mean of at least its own. */
function meanFloor(d: Distribution): number {
  switch (d.kind) {
    case 'constant':
      return d.value;
    case 'exponential':
      return d.mean;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'normal':
      return Math.max(0, d.mean);
    case 'lognormal':
      return d.median; // the mean is median × e^(σ²/2)
    case 'empirical': {
      const total = d.points.reduce((sum, p) => sum + p.weight, 0);
      return d.points.reduce((sum, p) => sum + p.value * p.weight, 0) / total;
    }
  }
}

/** The least a closed-loop request takes when nothing fails: its slowest certain first call. */
function responseFloorMs(design: Design): number {
  const entry = design.components.find((c) => c.id === design.workload.entry);
  const byId = new Map(design.components.map((c) => [c.id, c]));
  const connections = new Map(design.connections.map((c) => [c.id, c]));
  let floor = 0;
  for (const call of entry?.calls ?? []) {
    const connection = connections.get(call.connection);
    const target = connection && byId.get(connection.target);
    if (!connection || !target || call.probability < 1 || connection.mode === 'async') continue;
    const service = target.kind === 'client' ? 0 : meanFloor(target.serviceTime);
    floor = Math.max(floor, meanFloor(connection.latency) + service);
  }
  return floor;
}

/**
 * Components an entry request visits on average, itself included: each call is a visit of its
 * target, weighted by its probability (a gateway forwards to one of its calls, a cache makes its
 * miss calls on misses alone). Retries and duplicates come on failures and are left out: this is
 * a floor. Synchronous calls never loop; a loop through a queue is followed for as many rounds as
 * the design has components.
 */
function visitsPerEntryRequest(design: Design): number {
  const byId = new Map(design.components.map((c) => [c.id, c]));
  const targets = new Map(design.connections.map((c) => [c.id, c.target]));
  const edges = new Map(design.components.map((c) => [c.id, callWeights(c, targets)]));
  let current = new Map([[design.workload.entry, 1]]);
  let visits = 0;
  for (let round = 0; round <= design.components.length && current.size > 0; round++) {
    const next = new Map<string, number>();
    for (const [id, mass] of current) {
      visits += mass;
      for (const [target, weight] of edges.get(id) ?? []) {
        if (byId.has(target) && weight > 0) next.set(target, (next.get(target) ?? 0) + mass * weight);
      }
    }
    if (!Number.isFinite(visits)) return Infinity;
    current = next;
  }
  return visits;
}

function callWeights(component: Component, targets: Map<string, string>): [string, number][] {
  const { calls } = component;
  return calls.flatMap((call) => {
    const target = targets.get(call.connection);
    if (target === undefined) return [];
    if (component.kind === 'gateway') return [[target, 1 / calls.length]];
    const miss = component.kind === 'cache' && call.onMiss ? 1 - component.hitRatio : 1;
    return [[target, call.probability * miss]];
  });
}
