import { Redis } from 'ioredis';

/**
 * A connection for BullMQ: commands wait for Redis to come back rather than fail (BullMQ's
 * blocking calls require it), so a Redis restart pauses work instead of losing it.
 */
export function redisConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
}

/**
 * At start, a Redis that does not answer stops the process with the variable named, rather than
 * a service that accepts runs it can never run.
 */
export async function checkRedis(url: string, variable = 'REDIS_URL', timeoutMs = 3000): Promise<void> {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // The connection's own error (refused, unknown host) says more than the closed connection after it.
  let cause: Error | undefined;
  probe.on('error', (error: Error) => (cause ??= error));
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    const why = (cause ?? (error as Error)).message;
    throw new Error(`${variable}: no Redis answers at ${redact(url)} (${why})`, { cause: error });
  } finally {
    probe.disconnect();
  }
}

/** The address without its password, for messages and logs. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(malformed)';
  }
}
