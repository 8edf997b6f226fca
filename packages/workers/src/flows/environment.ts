import { z } from 'zod';

/**
 * The variables of a team deployment's queues, read the same way by the orchestrator and by
 * `faultline worker` (the same rules, the same messages naming them).
 */
export const teamQueueEnvironment = {
  /** Runs and their parts are BullMQ jobs on this Redis (SPEC §2). */
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }),
  /** Key prefix of the queues: deployments that share one Redis use different prefixes. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, - and _ only, at most 40')
    .default('faultline'),
  /** How long a dead worker's part stays locked before it runs again elsewhere. */
  PART_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
};
