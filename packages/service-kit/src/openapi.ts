import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export interface OpenApiOptions {
  title: string;
  description: string;
  tags: string[];
  /** Where the UI is served; the document is at `${routePrefix}/json`. */
  routePrefix: string;
}

/** OpenAPI generated from the same zod schemas that validate requests. */
export default fp<OpenApiOptions>(async (app, { title, description, tags, routePrefix }) => {
  await app.register(swagger, {
    openapi: { info: { title, description, version: '0.1.0' }, tags: tags.map((name) => ({ name })) },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix });
});
