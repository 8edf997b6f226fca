import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import problemHandler from './problem-handler.ts';
import zodValidation from './zod-validation.ts';

export interface ServiceOptions {
  logLevel: string;
  bodyLimit: number;
  /** Replaces the default logger (tests pass false). */
  logger?: FastifyServerOptions['logger'];
}

/** A Fastify instance with the house conventions: zod schemas, problem+json errors, pino logs. */
export async function createService({ logLevel, bodyLimit, logger }: ServiceOptions) {
  const app = Fastify({
    logger: logger ?? {
      level: logLevel,
      // Pretty output only for a person at a terminal; JSON lines everywhere else.
      ...(process.stdout.isTTY ? { transport: { target: 'pino-pretty', options: { colorize: true } } } : {}),
    },
    bodyLimit,
  }).withTypeProvider<ZodTypeProvider>();
  await app.register(zodValidation);
  await app.register(problemHandler);
  return app as FastifyInstance & typeof app;
}
