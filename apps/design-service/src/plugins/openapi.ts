import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** OpenAPI generated from the same zod schemas that validate requests: JSON at /docs/json, UI at /docs. */
export default fp(async (app) => {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Faultline design service',
        description: 'Designs with their components, connections, faults, resilience policies, workload and SLOs.',
        version: '0.1.0',
      },
      tags: [{ name: 'designs' }, { name: 'faults' }, { name: 'resilience' }, { name: 'transfer' }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
});
