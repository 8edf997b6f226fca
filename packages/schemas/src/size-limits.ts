/**
 * Upper bounds on every size in a design or a run that the engine turns into memory or work:
 * far beyond any real system (Resilience4j's windows are tens to hundreds of calls, a pool of a
 * hundred thousand workers is a data centre), low enough that one request cannot make a service
 * allocate gigabytes. Each rule's message names its bound ("must be at most 1000").
 */
export const SIZE_LIMITS = {
  /** Instances behind a component. */
  replicas: 1_000,
  /** Workers per replica. */
  concurrency: 100_000,
  /** Waiting requests per replica. */
  queueCapacity: 1_000_000,
  /** A queue component's consumers. */
  consumers: 10_000,
  /** Messages a queue component holds. */
  queueMaxDepth: 1_000_000,
  /** Closed-loop users. */
  users: 1_000_000,
  /** A retry's attempts, the first included. */
  retryAttempts: 100,
  /** A count-based breaker window, in calls. */
  breakerWindowCalls: 100_000,
  /** A time-based breaker window, in ms: a day, the longest run. */
  breakerWindowMs: 86_400_000,
  /** A breaker's `minimumCalls` and `permittedCallsInHalfOpen`. */
  breakerCalls: 1_000_000,
  /** A bulkhead's concurrent calls. */
  bulkheadCalls: 100_000,
  /** A rate limiter's permits per period. */
  permitsPerPeriod: 1_000_000,
  /** Load shedding's requests in flight. */
  maxInFlight: 1_000_000,
  /** Operations of one component (a service's endpoints, a client's request classes). */
  operations: 50,
  /** Points of an empirical distribution. */
  empiricalPoints: 1_000,
  /** Runs of a replicated run. */
  replications: 100,
  /** Steps of a sweep. */
  sweepSteps: 100,
} as const;

/** The message of an upper bound, with the bound in it. */
export const atMost = (bound: number, unit = '') => ({ message: `must be at most ${bound}${unit}` });
