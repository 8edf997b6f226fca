import type { FaultWindow, RunResult, SimulationResult, StoredDesign } from '@faultline/schemas';
import { singleResultOf } from './runs.ts';

/**
 * The design `d` ("Checkout") as the design service answers: an API that calls an orders
 * database (retried, behind a breaker) and a price cache (with a fallback), and three faults.
 */
export const checkoutDesign = {
  id: 'd',
  version: 1,
  createdAt: '2025-01-01T09:00:00.000Z',
  updatedAt: '2025-01-01T09:00:00.000Z',
  name: 'Checkout',
  description: '',
  components: [
    { id: 'users', name: 'Users', kind: 'client', calls: [{ connection: 'users-api' }] },
    { id: 'api', name: 'Checkout API', kind: 'service' },
    { id: 'db', name: 'Orders DB', kind: 'database' },
    { id: 'cache', name: 'Price cache', kind: 'cache' },
  ],
  connections: [
    { id: 'users-api', source: 'users', target: 'api' },
    { id: 'api-db', source: 'api', target: 'db' },
    { id: 'api-cache', source: 'api', target: 'cache' },
  ],
  faults: [
    { id: 'db-outage', name: 'Orders DB outage', type: 'crash', target: { component: 'db' } },
    {
      id: 'cache-down',
      name: 'Price cache unreachable',
      type: 'network-partition',
      target: { connection: 'api-cache' },
    },
    { id: 'late', name: 'Late latency spike', type: 'latency', target: { component: 'db' } },
  ],
  workload: { entry: 'users', arrival: { kind: 'poisson', ratePerSecond: 100 } },
  slo: {},
} as unknown as StoredDesign;

const window = (w: Partial<FaultWindow> & Pick<FaultWindow, 'faultId' | 'name' | 'startMs' | 'endMs' | 'state'>) =>
  ({
    impact: 'none',
    availability: 1,
    affectedRequests: 0,
    failuresCaused: 0,
    failuresCausedDirectly: 0,
    degradedCaused: 0,
    detectionMs: null,
    recoveryTimeMs: null,
    timeToRecoverMs: null,
    latencyDegradationMs: 0,
    ...w,
  }) satisfies FaultWindow;

/** A 120 s chaos run of `checkoutDesign`: the outage recovered, the cache fault absorbed, the spike too late. */
export function chaosResult(): SimulationResult {
  const base = (singleResultOf(1) as Extract<RunResult, { scenario: 'single' }>).result;
  const buckets = 12;
  return {
    ...base,
    settings: { ...base.settings, durationMs: 120_000, warmupMs: 0 },
    totals: {
      ...base.totals,
      requests: 12_000,
      succeeded: 10_262,
      degraded: 1_438,
      failed: 300,
      failedByKind: { 'connection-refused': 300 },
    },
    components: {
      api: {
        requests: 12_000,
        succeeded: 11_700,
        failed: 300,
        failedByKind: { 'connection-refused': 300 },
        utilisation: 0.97,
        meanQueueLength: 3.2,
        latency: base.latency,
      },
      db: {
        requests: 10_000,
        succeeded: 9_700,
        failed: 300,
        failedByKind: { 'connection-refused': 300 },
        utilisation: 0.4,
        meanQueueLength: 0.1,
        latency: base.latency,
      },
    },
    timeSeries: {
      startMs: 0,
      bucketMs: 10_000,
      throughput: Array(buckets).fill(100),
      successRate: Array(buckets).fill(0.975),
      errorRate: Array(buckets).fill(0.025),
      p50: Array(buckets).fill(8),
      p99: Array(buckets).fill(40),
      succeeded: Array(buckets).fill(855),
      degraded: Array(buckets).fill(120),
      failed: Array(buckets).fill(25),
      components: {
        api: {
          utilisation: Array(buckets).fill(0.97),
          queueLength: Array(buckets).fill(3),
          circuitState: { 'api-db': [...Array(6).fill('closed'), 'open', 'half-open', ...Array(4).fill('closed')] },
        },
        db: { utilisation: Array(buckets).fill(0.4), queueLength: [0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4, 8] },
      },
    },
    faultWindows: [
      window({
        faultId: 'db-outage',
        name: 'Orders DB outage',
        startMs: 60_000,
        endMs: 90_000,
        state: 'recovered',
        impact: 'full-outage',
        availability: 0.02,
        affectedRequests: 3_000,
        failuresCaused: 300,
        failuresCausedDirectly: 280,
        detectionMs: 12,
        recoveryTimeMs: 2_100,
        timeToRecoverMs: 32_100,
        latencyDegradationMs: 25,
      }),
      window({
        faultId: 'cache-down',
        name: 'Price cache unreachable',
        startMs: 0,
        endMs: null,
        state: 'no-impact',
        affectedRequests: 1_438,
        degradedCaused: 1_438,
      }),
      window({
        faultId: 'late',
        name: 'Late latency spike',
        startMs: 150_000,
        endMs: 160_000,
        state: 'not-exercised',
        availability: null,
        latencyDegradationMs: null,
        reason: 'it starts at 150 s, after the run ends at 120 s',
      }),
    ],
    mttrMs: 2_100,
    slo: {
      passed: false,
      verdicts: {
        availability: { target: 'availability', threshold: 0.99, measured: 0.975, status: 'fail' },
        p99LatencyMs: { target: 'p99LatencyMs', threshold: 300, measured: 40, status: 'pass' },
        mttrMs: { target: 'mttrMs', threshold: 30_000, measured: 2_100, status: 'pass' },
        recoveryTimeMs: {
          target: 'recoveryTimeMs',
          threshold: 10_000,
          measured: null,
          status: 'not-applicable',
          reason: 'no window with impact recovered',
        },
      },
    },
    scorecard: { recoveryRate: 1, grade: 'A' },
    warnings: ['"Late latency spike" starts at 150 s, after the run ends at 120 s: it was never active.'],
    policies: [
      {
        component: 'api',
        type: 'retry',
        connection: 'api-db',
        counters: { retries: 4_184, exhausted: 300, recovered: 812 },
      },
      {
        component: 'api',
        type: 'circuit-breaker',
        connection: 'api-db',
        counters: { shortCircuited: 950, opened: 1, openMs: 4_200 },
      },
      { component: 'api', type: 'fallback', connection: 'api-cache', counters: { served: 1_438 } },
    ],
  };
}

/** A defence analysis of the same run: the fallback helped, the retry hurt, the breaker did nothing. */
export function defenceAnalysisResult(): RunResult {
  const figures = { availability: 0.975, errorRate: 0.025, p99LatencyMs: 40, amplification: 1.3 };
  return {
    scenario: 'defence-analysis',
    chaos: chaosResult(),
    defences: [
      {
        policy: { component: 'api', type: 'fallback', connection: 'api-cache' },
        without: { ...figures, availability: 0.855 },
        effect: { availability: 0.12, errorRate: -0.12, p99LatencyMs: -3.5, amplification: 0 },
        availabilityInterval: null,
        verdict: 'helped',
        reason: 'availability rose by 12.00 points with it',
      },
      {
        policy: { component: 'api', type: 'retry', connection: 'api-db' },
        without: { ...figures, availability: 0.98 },
        effect: { availability: -0.005, errorRate: 0.005, p99LatencyMs: 120, amplification: 0.35 },
        availabilityInterval: null,
        verdict: 'hurt',
        reason: 'p99 rose by 120 ms and availability fell by 0.50 points with it',
      },
      {
        policy: { component: 'api', type: 'circuit-breaker', connection: 'api-db' },
        without: figures,
        effect: { availability: 0, errorRate: 0, p99LatencyMs: 0.4, amplification: 0 },
        availabilityInterval: null,
        verdict: 'no-effect',
        reason: 'availability moved less than 0.1 point and p99 less than 5 %',
      },
    ],
  };
}
