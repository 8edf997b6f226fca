import fp from 'fastify-plugin';
import { appError } from '../errors.ts';
import { yamlParser } from './yaml-parse.ts';
import { yamlShapeProblem } from './yaml-shape.ts';

export const YAML_CONTENT_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];

/**
 * Designs may be imported as YAML; the body is parsed to plain data and validated as JSON would be.
 * Its size is bounded by the body limit (413), its depth by a scan before parsing, and the parse
 * runs off the event loop with a time limit.
 */
export default fp(async (app) => {
  const yaml = yamlParser();
  app.addHook('onClose', () => yaml.close());
  app.addContentTypeParser(YAML_CONTENT_TYPES, { parseAs: 'string' }, async (_request: unknown, body: string) => {
    const shape = yamlShapeProblem(body);
    if (shape) throw appError('INVALID_BODY', `${shape}; a design needs far fewer.`);
    const parsed = await yaml.parse(body);
    if (!parsed.ok) throw appError('INVALID_BODY', `The YAML cannot be read: ${parsed.message}`);
    return parsed.value;
  });
});
