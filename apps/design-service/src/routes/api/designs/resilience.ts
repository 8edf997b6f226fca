import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ComponentResilienceSchema, DesignComponentParamsSchema } from '@faultline/schemas';
import { problems } from '@faultline/service-kit';
import { policiesOf, replacePolicies } from '../../../design-parts.ts';
import { valueOrProblem } from '../../../errors.ts';
import { expectedVersion, withVersion } from './versioning.ts';

/** A component's outgoing resilience policies and inbound guards, read and replaced together. */
const resilience: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/components/:componentId/resilience',
    {
      schema: {
        tags: ['resilience'],
        summary: "Read a component's resilience policies and inbound guards",
        params: DesignComponentParamsSchema,
        response: { 200: ComponentResilienceSchema, ...problems(404) },
      },
    },
    async (request) => {
      const { id, componentId } = request.params;
      const design = valueOrProblem(await app.designs.get(id));
      return valueOrProblem(policiesOf(id, design, componentId));
    },
  );

  app.put(
    '/:id/components/:componentId/resilience',
    {
      schema: {
        tags: ['resilience'],
        summary: "Replace a component's resilience policies and inbound guards",
        params: DesignComponentParamsSchema,
        body: ComponentResilienceSchema,
        response: { 200: ComponentResilienceSchema, ...problems(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const { id, componentId } = request.params;
      const edit = replacePolicies(id, componentId, request.body);
      const saved = withVersion(reply, valueOrProblem(await app.designs.change(id, edit, expectedVersion(request))));
      return valueOrProblem(policiesOf(id, saved, componentId));
    },
  );
};
export default resilience;
