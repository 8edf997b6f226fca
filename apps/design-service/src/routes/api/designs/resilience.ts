import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ComponentResilienceSchema,
  DesignComponentParamsSchema,
  toJsonPointer,
  type Component,
} from '@faultline/schemas';
import { appError } from '../../../errors.ts';
import { problems } from '@faultline/service-kit';
import { expectedVersion } from './versioning.ts';

const componentNotFound = (designId: string, componentId: string) =>
  appError('COMPONENT_NOT_FOUND', `Design "${designId}" has no component "${componentId}"`);

const policiesOf = (component: Component) => ({
  resilience: component.resilience,
  inbound: component.kind === 'client' ? [] : component.inbound,
});

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
      const component = (await app.designs.get(id)).components.find((c) => c.id === componentId);
      if (!component) throw componentNotFound(id, componentId);
      return policiesOf(component);
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
      const { resilience: outgoing, inbound } = request.body;
      let index = -1;
      const saved = await app.designs.change(
        id,
        (design) => {
          index = design.components.findIndex((c) => c.id === componentId);
          const component = design.components[index];
          if (!component) throw componentNotFound(id, componentId);
          if (component.kind === 'client' && inbound.length) {
            throw appError('VALIDATION_FAILED', 'A client has no inbound guards', [
              { path: '/inbound', message: 'must be empty: a client receives no calls' },
            ]);
          }
          const updated =
            component.kind === 'client'
              ? { ...component, resilience: outgoing }
              : { ...component, resilience: outgoing, inbound };
          return {
            design: { ...design, components: design.components.map((c, i) => (i === index ? updated : c)) },
            bodyPath: toJsonPointer(['components', index]),
          };
        },
        expectedVersion(request),
      );
      reply.header('etag', `"${saved.version}"`);
      return policiesOf(saved.components[index]!);
    },
  );
};
export default resilience;
