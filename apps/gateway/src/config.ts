import { z } from 'zod';
import { parseEnvironment } from '@faultline/schemas';

const ConfigSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Host names served (any port), comma-separated, or `*`; unset: localhost, 127.0.0.1, [::1] and HOST. */
  ALLOWED_HOSTS: z.string().optional(),
  /**
   * Where the design service runs. Unset: the gateway starts one itself on a free local port
   * (the one-command start); set: it only forwards (docker-compose, a team deployment).
   */
  DESIGN_SERVICE_URL: z.url().optional(),
  /** Where the orchestrator runs; unset, the gateway starts one, reading designs from the design service. */
  ORCHESTRATOR_URL: z.url().optional(),
  /**
   * Largest request body forwarded; unset, each service's own default (the gateway answers 413
   * itself, before a byte reaches the service). The services it starts read the same variable.
   */
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().optional(),
  /** How long a service may take to accept a connection and to start answering; past it, 504. */
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
});
export type Config = z.infer<typeof ConfigSchema>;

/** The only place that reads the environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parseEnvironment(ConfigSchema, env, 'Faultline');
}
