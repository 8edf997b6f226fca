import { describe, expect, it } from 'vitest';
import { validateDesign, type DesignInput } from './design.ts';
import { toFieldIssues } from './errors.ts';
import { everythingExample } from './examples.ts';
import { RunSettingsSchema } from './run.ts';
import { SIZE_LIMITS } from './size-limits.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case edits one field of a deep copy
type Edit = (design: any, value: number) => void;

// Every size the engine turns into memory or work, at its bound and one past it (components: 2
// catalog with a breaker, 1 edge with inbound guards, 5 orders with retry and bulkhead, 7 a queue).
const designCases: [field: string, path: string, bound: number, edit: Edit, unit?: string][] = [
  ['replicas', '/components/2/replicas', SIZE_LIMITS.replicas, (d, v) => (d.components[2].replicas = v)],
  ['concurrency', '/components/2/concurrency', SIZE_LIMITS.concurrency, (d, v) => (d.components[2].concurrency = v)],
  [
    'queueCapacity',
    '/components/2/queueCapacity',
    SIZE_LIMITS.queueCapacity,
    (d, v) => (d.components[2].queueCapacity = v),
  ],
  ['consumers', '/components/7/consumers', SIZE_LIMITS.consumers, (d, v) => (d.components[7].consumers = v)],
  ['maxDepth', '/components/7/maxDepth', SIZE_LIMITS.queueMaxDepth, (d, v) => (d.components[7].maxDepth = v)],
  [
    'a count window',
    '/components/2/resilience/2/params/slidingWindow/size',
    SIZE_LIMITS.breakerWindowCalls,
    (d, v) => (d.components[2].resilience[2].params.slidingWindow = { type: 'count', size: v }),
    ' calls for a count window',
  ],
  [
    'a time window',
    '/components/2/resilience/2/params/slidingWindow/size',
    SIZE_LIMITS.breakerWindowMs,
    (d, v) => (d.components[2].resilience[2].params.slidingWindow = { type: 'time', size: v }),
    ' ms for a time window',
  ],
  [
    'minimumCalls',
    '/components/2/resilience/2/params/minimumCalls',
    SIZE_LIMITS.breakerCalls,
    (d, v) => (d.components[2].resilience[2].params.minimumCalls = v),
  ],
  [
    'permittedCallsInHalfOpen',
    '/components/2/resilience/2/params/permittedCallsInHalfOpen',
    SIZE_LIMITS.breakerCalls,
    (d, v) => (d.components[2].resilience[2].params.permittedCallsInHalfOpen = v),
  ],
  [
    'maxAttempts',
    '/components/5/resilience/0/params/maxAttempts',
    SIZE_LIMITS.retryAttempts,
    (d, v) => (d.components[5].resilience[0].params.maxAttempts = v),
  ],
  [
    'maxConcurrentCalls',
    '/components/5/resilience/1/params/maxConcurrentCalls',
    SIZE_LIMITS.bulkheadCalls,
    (d, v) => (d.components[5].resilience[1].params.maxConcurrentCalls = v),
  ],
  [
    'limitForPeriod',
    '/components/1/inbound/0/params/limitForPeriod',
    SIZE_LIMITS.permitsPerPeriod,
    (d, v) => (d.components[1].inbound[0].params.limitForPeriod = v),
  ],
  [
    'maxInFlight',
    '/components/1/inbound/1/params/maxInFlight',
    SIZE_LIMITS.maxInFlight,
    (d, v) => (d.components[1].inbound[1].params.maxInFlight = v),
  ],
  [
    'users',
    '/workload/arrival/users',
    SIZE_LIMITS.users,
    (d, v) => {
      d.workload.arrival = { kind: 'closed', users: v, thinkTime: { kind: 'constant', value: 1000 } };
      delete d.workload.profile;
    },
  ],
  [
    'empirical points',
    '/components/5/serviceTime/points',
    SIZE_LIMITS.empiricalPoints,
    (d, v) => (d.components[5].serviceTime.points = Array.from({ length: v }, (_, i) => ({ value: i, weight: 1 }))),
    ' points',
  ],
];

function issuesWith(edit: Edit, value: number) {
  const design: DesignInput = JSON.parse(JSON.stringify(everythingExample));
  edit(design, value);
  const validation = validateDesign(design);
  return validation.success ? [] : validation.issues;
}

describe('size limits', () => {
  it.each(designCases)(
    '%s: accepted at its bound, refused past it with the bound named',
    (_, path, bound, edit, unit) => {
      expect(issuesWith(edit, bound)).toEqual([]);
      expect(issuesWith(edit, bound + 1)).toEqual([{ path, message: `must be at most ${bound}${unit ?? ''}` }]);
    },
  );

  it('a breaker window of 10^12 calls is refused, not left for the engine to allocate', () => {
    const edit: Edit = (d, v) => (d.components[2].resilience[2].params.slidingWindow = { type: 'count', size: v });
    expect(issuesWith(edit, 1e12)).toEqual([
      {
        path: '/components/2/resilience/2/params/slidingWindow/size',
        message: `must be at most ${SIZE_LIMITS.breakerWindowCalls} calls for a count window`,
      },
    ]);
  });

  it.each([
    ['replications', { replications: SIZE_LIMITS.replications + 1 }, SIZE_LIMITS.replications],
    [
      'steps',
      { scenario: { kind: 'sweep', parameter: '/x', from: 0, to: 1, steps: SIZE_LIMITS.sweepSteps + 1 } },
      SIZE_LIMITS.sweepSteps,
    ],
  ])('run settings: %s past its bound is refused with the bound named', (field, input, bound) => {
    const parsed = RunSettingsSchema.safeParse({ durationMs: 1000, ...input });
    expect(parsed.success).toBe(false);
    expect(toFieldIssues(parsed.error!)[0]?.message).toBe(`must be at most ${bound}`);
    expect(toFieldIssues(parsed.error!)[0]?.path).toMatch(new RegExp(`/${field}$`));
  });
});
