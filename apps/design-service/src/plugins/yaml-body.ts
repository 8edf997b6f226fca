import fp from 'fastify-plugin';
import { parse } from 'yaml';
import { appError } from '../errors.ts';

export const YAML_CONTENT_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];

/** Designs may be imported as YAML; the body is parsed to plain data and validated as JSON would be. */
export default fp(async (app) => {
  app.addContentTypeParser(YAML_CONTENT_TYPES, { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parse(body as string, { maxAliasCount: 100 }));
    } catch (error) {
      done(appError('INVALID_BODY', `The YAML cannot be read: ${(error as Error).message}`), undefined);
    }
  });
});
