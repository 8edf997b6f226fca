import { z } from 'zod';
import { parseEnvironment } from '@faultline/schemas';

const ConfigSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8081),
  /** postgres:// for PostgreSQL; file: or unset for SQLite under data/. */
  DATABASE_URL: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Host names served (any port), comma-separated, or `*`; unset: localhost, 127.0.0.1, [::1] and HOST. */
  ALLOWED_HOSTS: z.string().optional(),
  /** Largest request body accepted; past it, 413. */
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
});
export type Config = z.infer<typeof ConfigSchema>;

/** The only place that reads the environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parseEnvironment(ConfigSchema, env, 'the design service');
}
