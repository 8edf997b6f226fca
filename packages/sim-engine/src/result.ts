import type { PolicyReport, RunSettings, SimulationResult } from '@faultline/schemas';
import { TRACKED_FAULTS } from './codes.ts';
import type { ComponentRuntime } from './model/components.ts';
import type { Simulation } from './model/simulation.ts';
import { analyseWindows } from './stats/recovery.ts';
import { round, roundRatio, roundRatioOrNull } from './stats/rounding.ts';
import { requestSeries } from './stats/request-series.ts';
import { byKind } from './stats/by-kind.ts';
import { classResults } from './stats/class-results.ts';
import { scorecard, sloVerdicts } from './stats/slo.ts';

export const ENGINE_VERSION = '0.1.0';

/** The result document of a finished run (SPEC §4.1, §4.2). `baselineP99Ms`: the baseline run's, when there is one. */
export function buildResult(
  sim: Simulation,
  settings: RunSettings,
  designHash: string,
  baselineP99Ms?: number | null,
): SimulationResult {
  const c = sim.collector;
  const slo = sim.design.slo;
  const specs = new Map(sim.design.faults.map((f) => [f.id, f]));
  const facts = sim.model.faults.map((f) => {
    const { name, schedule } = specs.get(f.id)!;
    const scheduledEndMs = schedule.durationMs === null ? null : schedule.startMs + schedule.durationMs;
    return { name, scheduledEndMs, openEnded: scheduledEndMs === null || scheduledEndMs >= sim.durationMs };
  });
  const windows = analyseWindows(c, facts, {
    sloAvailability: slo.availability ?? 0.95,
    warmupMs: sim.warmupMs,
    durationMs: sim.durationMs,
    ...(baselineP99Ms !== undefined ? { baselineP99Ms } : {}),
  });
  const recovered = windows.filter((w) => w.state === 'recovered');
  const mttrMs = recovered.length
    ? round(recovered.reduce((s, w) => s + w.timeToRecoverMs!, 0) / recovered.length)
    : null;
  const latency = c.latency.summary();
  const requests = c.requests;

  const components: SimulationResult['components'] = {};
  const measuredMs = sim.durationMs - sim.warmupMs;
  for (const component of sim.model.components) {
    if (component.isClient) continue;
    const s = component.stats;
    components[component.id] = {
      requests: s.requests,
      succeeded: s.succeeded,
      failed: s.failed,
      failedByKind: byKind(s.failedByKind),
      utilisation: roundRatio(s.busyArea / (measuredMs * component.workers)),
      meanQueueLength: round(s.queueArea / measuredMs),
      latency: s.latency.summary(),
      ...operationsOf(component),
    };
  }
  const classes = sim.classes && classResults(sim.classes, slo.classes, c.bucketMs);
  return {
    settings,
    seed: settings.seed,
    engineVersion: ENGINE_VERSION,
    designHash,
    totals: {
      requests,
      succeeded: c.succeeded,
      degraded: c.degraded,
      failed: c.failed,
      failedByKind: byKind(c.failedByKind),
      retries: c.retries,
      timeouts: c.timeouts,
      wastedWork: c.wastedWork,
      silentCorruptions: c.silentCorruptions,
      amplification: requests ? roundRatio(c.downstreamCalls / requests) : 0,
    },
    latency,
    components,
    ...(classes ? { classes: classes.stats } : {}),
    timeSeries: {
      startMs: sim.warmupMs,
      bucketMs: c.bucketMs,
      ...requestSeries(c, c.bucketMs),
      components: sim.series.toResult(),
      ...(classes ? { classes: classes.series } : {}),
    },
    events: { items: sim.eventLog.items, dropped: sim.eventLog.dropped },
    faultWindows: windows,
    mttrMs,
    slo: withClassVerdicts(
      sloVerdicts(
        slo,
        {
          requests,
          availability: requests ? roundRatioOrNull((c.succeeded + c.degraded) / requests) : null,
          errorRate: requests ? roundRatioOrNull(c.failed / requests) : null,
          p99: latency.p99,
          mttrMs,
        },
        windows,
      ),
      classes?.slo,
    ),
    scorecard: scorecard(windows),
    warnings: warningsOf(windows),
    policies: sim.model.policies.map(
      // Each pattern's counters are of its own type: the cast restates that pairing.
      ({ component, type, connection, pattern }) =>
        ({ component, type, connection, counters: pattern.counters(sim.now) }) as PolicyReport,
    ),
  };
}

/** A component's figures per operation, when it has more than one (SPEC §3.7). */
function operationsOf(component: ComponentRuntime): Pick<SimulationResult['components'][string], 'operations'> {
  if (component.operations[0]!.stats === null) return {};
  const operations: NonNullable<SimulationResult['components'][string]['operations']> = {};
  for (const { id, stats } of component.operations) {
    operations[id] = { requests: stats!.requests, failed: stats!.failed, latency: stats!.latency.summary() };
  }
  return { operations };
}

/** The per-class verdicts beside the design-wide ones; a failing class fails the whole. */
function withClassVerdicts(
  slo: SimulationResult['slo'],
  classes: SimulationResult['slo']['classes'] | undefined,
): SimulationResult['slo'] {
  if (!classes) return slo;
  return { passed: slo.passed && Object.values(classes).every((c) => c.passed), verdicts: slo.verdicts, classes };
}

/** What a reader should know before trusting the figures. */
function warningsOf(windows: SimulationResult['faultWindows']): string[] {
  const warnings = windows
    .filter((w) => w.state === 'not-exercised')
    .map(
      (w) => `"${w.name}" is never active in the measured period: ${w.reason}; it counts in no verdict and no grade.`,
    );
  if (windows.length > TRACKED_FAULTS) {
    warnings.push(
      `Causes are told apart for the first ${TRACKED_FAULTS} faults only; failures due to the other ` +
        `${windows.length - TRACKED_FAULTS} are charged to no fault.`,
    );
  }
  return warnings;
}
