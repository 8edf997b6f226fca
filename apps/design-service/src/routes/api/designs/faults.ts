import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DesignFaultParamsSchema, DesignIdParamsSchema, FaultSchema } from '@faultline/schemas';
import { noContent, problems } from '@faultline/service-kit';
import { addFault, removeFault, replaceFault, savedFault } from '../../../design-parts.ts';
import { appError, valueOrProblem } from '../../../errors.ts';
import { expectedVersion, withVersion } from './versioning.ts';

/** Faults of a design. Each write bumps the design's version and returns the fault as saved. */
const faults: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/faults',
    {
      schema: {
        tags: ['faults'],
        summary: "List a design's faults",
        params: DesignIdParamsSchema,
        response: { 200: z.array(FaultSchema), ...problems(404) },
      },
    },
    async (request) => valueOrProblem(await app.designs.get(request.params.id)).faults,
  );

  app.post(
    '/:id/faults',
    {
      schema: {
        tags: ['faults'],
        summary: 'Add a fault',
        params: DesignIdParamsSchema,
        body: FaultSchema,
        response: { 201: FaultSchema, ...problems(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const saved = await app.designs.change(id, addFault(id, request.body), expectedVersion(request));
      return reply.code(201).send(savedFault(withVersion(reply, valueOrProblem(saved)), request.body.id));
    },
  );

  app.put(
    '/:id/faults/:faultId',
    {
      schema: {
        tags: ['faults'],
        summary: 'Replace a fault',
        params: DesignFaultParamsSchema,
        body: FaultSchema,
        response: { 200: FaultSchema, ...problems(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const { id, faultId } = request.params;
      if (request.body.id !== faultId) {
        throw appError('VALIDATION_FAILED', 'The fault id in the body must match the URL', [
          { path: '/id', message: `must be "${faultId}", the fault being replaced` },
        ]);
      }
      const saved = await app.designs.change(id, replaceFault(id, request.body), expectedVersion(request));
      return savedFault(withVersion(reply, valueOrProblem(saved)), faultId);
    },
  );

  app.delete(
    '/:id/faults/:faultId',
    {
      schema: {
        tags: ['faults'],
        summary: 'Remove a fault',
        params: DesignFaultParamsSchema,
        response: { 204: noContent, ...problems(404, 409) },
      },
    },
    async (request, reply) => {
      const { id, faultId } = request.params;
      const saved = await app.designs.change(id, removeFault(id, faultId), expectedVersion(request));
      withVersion(reply, valueOrProblem(saved));
      return reply.code(204).send(null);
    },
  );
};
export default faults;
