import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AccessLog } from './access-log.ts';
import browserSafety from './browser-safety.ts';
import { clientErrorHandler } from './client-errors.ts';
import problemHandler from './problem-handler.ts';
import zodValidation from './zod-validation.ts';

export interface ServiceOptions {
  logLevel: string;
  bodyLimit: number;
  /** Replaces the default logger (tests pass false). */
  logger?: FastifyServerOptions['logger'];
  /** Host names served (any port), or '*'; by default the loopback names (see allowedHostsFrom). */
  allowedHosts?: string[] | '*';
}

/** The logger every Faultline process uses: pino, pretty only for a person at a terminal. */
export function loggerOptions(logLevel: string): FastifyServerOptions['logger'] {
  return {
    level: logLevel,
    ...(process.stdout.isTTY ? { transport: { target: 'pino-pretty', options: { colorize: true } } } : {}),
  };
}

/**
 * A Fastify instance with the house conventions: zod schemas, problem+json errors (Node's parser
 * errors included), one access line per request, security headers and the allowed hosts.
 */
export async function createService({ logLevel, bodyLimit, logger, allowedHosts }: ServiceOptions) {
  const app = Fastify({
    logger: logger ?? loggerOptions(logLevel),
    logController: new AccessLog(),
    clientErrorHandler,
    bodyLimit,
  }).withTypeProvider<ZodTypeProvider>();
  // Every body is JSON (or YAML where a route says so): JSON sent as text/plain is refused with
  // 415 rather than read as a string and refused field by field.
  app.removeContentTypeParser('text/plain');
  await app.register(browserSafety, { allowedHosts });
  await app.register(zodValidation);
  await app.register(problemHandler);
  return app as FastifyInstance & typeof app;
}
