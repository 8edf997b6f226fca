import fp from 'fastify-plugin';
import { StoredDesignSchema, type StoredDesign } from '@faultline/schemas';
import { appError } from '../errors.ts';

export interface DesignClient {
  /** The design as the design service holds it now; null if it does not exist. */
  get(id: string): Promise<StoredDesign | null>;
}

declare module 'fastify' {
  interface FastifyInstance {
    designClient: DesignClient;
  }
}

/**
 * Reads designs through the design service's HTTP API: the orchestrator never touches its tables.
 * When that fails, the answer says what went wrong but not where the service lives (an internal
 * address is nobody's business outside); the log has it.
 */
export default fp<{ baseUrl: string }>(async (app, { baseUrl }) => {
  const unavailable = (why: string, cause?: unknown) => {
    app.log.warn({ designService: baseUrl, err: cause }, `the design service ${why}`);
    return appError('DESIGN_SERVICE_UNAVAILABLE', `The design service ${why}`);
  };
  app.decorate('designClient', {
    async get(id) {
      let response: Response;
      try {
        response = await fetch(new URL(`/api/designs/${encodeURIComponent(id)}`, baseUrl), {
          signal: AbortSignal.timeout(10_000),
        });
      } catch (error) {
        throw unavailable('did not answer', error);
      }
      if (response.status === 404) return null;
      if (!response.ok) throw unavailable(`answered ${response.status}`);
      const parsed = StoredDesignSchema.safeParse(await response.json().catch(() => null));
      if (!parsed.success) throw unavailable('sent a design this orchestrator cannot read');
      return parsed.data;
    },
  } satisfies DesignClient);
});
