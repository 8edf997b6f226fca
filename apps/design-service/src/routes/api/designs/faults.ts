import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DesignFaultParamsSchema, DesignIdParamsSchema, FaultSchema, toJsonPointer } from '@faultline/schemas';
import { appError } from '../../../errors.ts';
import { noContent, problems } from '@faultline/service-kit';
import { expectedVersion } from './versioning.ts';

const faultNotFound = (designId: string, faultId: string) =>
  appError('FAULT_NOT_FOUND', `Design "${designId}" has no fault "${faultId}"`);

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
    async (request) => (await app.designs.get(request.params.id)).faults,
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
      const fault = request.body;
      let index = -1;
      const saved = await app.designs.change(
        request.params.id,
        (design) => {
          if (design.faults.some((f) => f.id === fault.id)) {
            throw appError('FAULT_ALREADY_EXISTS', `Design "${request.params.id}" already has a fault "${fault.id}"`);
          }
          index = design.faults.length;
          return {
            design: { ...design, faults: [...design.faults, fault] },
            bodyPath: toJsonPointer(['faults', index]),
          };
        },
        expectedVersion(request),
      );
      reply.header('etag', `"${saved.version}"`);
      return reply.code(201).send(saved.faults[index]!);
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
      let index = -1;
      const saved = await app.designs.change(
        id,
        (design) => {
          index = design.faults.findIndex((f) => f.id === faultId);
          if (index < 0) throw faultNotFound(id, faultId);
          return {
            design: { ...design, faults: design.faults.map((f, i) => (i === index ? request.body : f)) },
            bodyPath: toJsonPointer(['faults', index]),
          };
        },
        expectedVersion(request),
      );
      reply.header('etag', `"${saved.version}"`);
      return saved.faults[index];
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
      const saved = await app.designs.change(
        id,
        (design) => {
          if (!design.faults.some((f) => f.id === faultId)) throw faultNotFound(id, faultId);
          return { design: { ...design, faults: design.faults.filter((f) => f.id !== faultId) } };
        },
        expectedVersion(request),
      );
      reply.header('etag', `"${saved.version}"`);
      return reply.code(204).send(null);
    },
  );
};
export default faults;
