import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createScratchDatabase, type ScratchDatabase } from '@faultline/db';
import { startService, type RunningService } from '@faultline/service-kit';
import { buildGateway, type GatewayOptions } from '../src/app.ts';

export interface Stack {
  gateway: FastifyInstance;
  /** The gateway's origin. */
  origin: string;
  port: number;
  designService: RunningService;
  orchestrator: RunningService;
}

/** Both services in their own processes on one scratch database, behind a gateway in this process. */
export function useStack(options: GatewayOptions = {}, serviceEnv: NodeJS.ProcessEnv = {}): () => Stack {
  let scratch: ScratchDatabase;
  let stack: Stack;
  beforeAll(async () => {
    scratch = await createScratchDatabase('sqlite');
    const env = { ...process.env, DATABASE_URL: scratch.location.url, LOG_LEVEL: 'warn', ...serviceEnv };
    const designService = await startService(
      'design service',
      new URL('../../design-service/src/server.ts', import.meta.url),
      env,
    );
    const orchestrator = await startService(
      'orchestrator',
      new URL('../../orchestrator/src/server.ts', import.meta.url),
      {
        ...env,
        DESIGN_SERVICE_URL: designService.url,
      },
    );
    const gateway = await buildGateway(
      { designService: designService.url, orchestrator: orchestrator.url },
      { logLevel: 'silent', ...options },
    );
    const origin = await gateway.listen({ host: '127.0.0.1', port: 0 });
    stack = { gateway, origin, port: Number(new URL(origin).port), designService, orchestrator };
  }, 90_000);
  afterAll(async () => {
    await stack?.gateway.close();
    await stack?.orchestrator.stop();
    await stack?.designService.stop();
    await scratch?.drop();
  });
  return () => stack;
}
