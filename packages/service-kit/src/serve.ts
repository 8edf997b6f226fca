import type { FastifyInstance } from 'fastify';

/**
 * Listens, and on SIGTERM/SIGINT closes the server (finishing requests in flight) and whatever
 * the app's onClose hooks hold (the database, workers).
 */
export async function serve(app: FastifyInstance, { host, port }: { host: string; port: number }): Promise<void> {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      app.log.info({ signal }, 'shutting down');
      app.close().then(
        () => process.exit(0),
        (error) => {
          app.log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
  await app.listen({ host, port });
}

/**
 * Runs a service's start-up; if it fails (a bad environment variable, a DATABASE_URL that cannot
 * be used, a port in use) the process ends with one line saying why, never a stack trace.
 */
export async function startOrExit(service: string, start: () => Promise<void>): Promise<void> {
  try {
    await start();
  } catch (error) {
    console.error(`The ${service} could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
