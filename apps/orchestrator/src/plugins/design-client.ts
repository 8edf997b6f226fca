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

/** Reads designs through the design service's HTTP API: the orchestrator never touches its tables. */
export default fp<{ baseUrl: string }>(async (app, { baseUrl }) => {
  const unavailable = (why: string) =>
    // Its address is internal: it stays in the log, never in an answer.
    appError('DESIGN_SERVICE_UNAVAILABLE', `The design service ${why}`);
  app.decorate('designClient', {
    async get(id) {
      let response: Response;
      try {
        response = await fetch(new URL(`/api/designs/${encodeURIComponent(id)}`, baseUrl), {
          signal: AbortSignal.timeout(10_000),
        });
      } catch (error) {
        app.log.warn({ err: error, designService: baseUrl }, 'the design service did not answer');
        throw unavailable('did not answer');
      }
      if (response.status === 404) return null;
      if (!response.ok) throw unavailable(`answered ${response.status}`);
      const parsed = StoredDesignSchema.safeParse(await response.json());
      if (!parsed.success) throw unavailable('sent a design this orchestrator cannot read');
      return parsed.data;
    },
  } satisfies DesignClient);
});
