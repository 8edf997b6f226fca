import type { Run, RunResult, SimulationResult } from '@faultline/schemas';

const settings = (seed: number) => ({
  durationMs: 30_000,
  warmupMs: 0,
  seed,
  replications: 1,
  scenario: { kind: 'single' as const },
});

/** A run of the design `d` ("Checkout") as the orchestrator lists it. */
export function runOf(id: string, status: Run['status'], seed = 1): Run {
  const finished = status === 'succeeded';
  return {
    id,
    designId: 'd',
    designName: 'Checkout',
    designVersion: 1,
    designHash: 'hash',
    settings: settings(seed),
    status,
    progress: { simulatedMs: finished ? 30_000 : 0, totalMs: 30_000, events: 0, percent: finished ? 100 : 0 },
    error: null,
    createdAt: `2025-01-0${seed}T10:00:00.000Z`,
    startedAt: `2025-01-0${seed}T10:00:01.000Z`,
    finishedAt: finished ? `2025-01-0${seed}T10:00:05.000Z` : null,
    sloPassed: finished ? true : null,
    parts: [],
  };
}

const latency = { mean: 10, p50: 8, p90: 20, p95: 25, p99: 40, p999: 60, max: 80 };

/** The result of a single run: 1,000 requests, `failed` of them failed, no fault. */
export function singleResultOf(seed: number, failed = 0): RunResult {
  const result: SimulationResult = {
    settings: settings(seed),
    seed,
    engineVersion: 'test',
    designHash: 'hash',
    totals: {
      requests: 1000,
      succeeded: 1000 - failed,
      degraded: 0,
      failed,
      failedByKind: failed ? { timeout: failed } : {},
      retries: 0,
      timeouts: failed,
      wastedWork: 0,
      silentCorruptions: 0,
      amplification: 1,
    },
    latency,
    components: {},
    timeSeries: {
      startMs: 0,
      bucketMs: 1000,
      throughput: [],
      successRate: [],
      errorRate: [],
      p50: [],
      p99: [],
      succeeded: [],
      degraded: [],
      failed: [],
      components: {},
    },
    events: { items: [], dropped: 0 },
    faultWindows: [],
    mttrMs: null,
    slo: { passed: true, verdicts: {} },
    scorecard: { recoveryRate: null, grade: null },
    warnings: [],
    policies: [],
  };
  return { scenario: 'single', result };
}
