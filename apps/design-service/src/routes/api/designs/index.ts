import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  DesignIdParamsSchema,
  DesignPageSchema,
  DesignSchema,
  DuplicateDesignBodySchema,
  ListDesignsQuerySchema,
  StoredDesignSchema,
  UpdateDesignBodySchema,
} from '@faultline/schemas';
import { noContent, problems } from '@faultline/service-kit';
import { valueOrProblem } from '../../../errors.ts';
import { withVersion } from './versioning.ts';

const designs: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['designs'],
        summary: 'List designs, newest first; page, sort and search by name',
        querystring: ListDesignsQuerySchema,
        response: { 200: DesignPageSchema, ...problems(400) },
      },
    },
    async (request) => app.designs.list(request.query),
  );

  app.post(
    '/',
    {
      schema: {
        tags: ['designs'],
        summary: 'Create a design',
        body: DesignSchema,
        response: { 201: StoredDesignSchema, ...problems(400, 413, 415) },
      },
    },
    async (request, reply) => withVersion(reply.code(201), await app.designs.create(request.body)),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags: ['designs'],
        summary: 'Read a design; its ETag is its version',
        params: DesignIdParamsSchema,
        response: { 200: StoredDesignSchema, ...problems(404) },
      },
    },
    async (request, reply) => withVersion(reply, valueOrProblem(await app.designs.get(request.params.id))),
  );

  app.put(
    '/:id',
    {
      schema: {
        tags: ['designs'],
        summary: 'Replace a design; `version` must be the one it was read at, else 409',
        params: DesignIdParamsSchema,
        body: UpdateDesignBodySchema,
        response: { 200: StoredDesignSchema, ...problems(400, 404, 409, 413) },
      },
    },
    async (request, reply) => {
      const { version, id: _id, createdAt: _c, updatedAt: _u, ...design } = request.body;
      return withVersion(reply, valueOrProblem(await app.designs.replace(request.params.id, design, version)));
    },
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags: ['designs'],
        summary: 'Delete a design',
        params: DesignIdParamsSchema,
        response: { 204: noContent, ...problems(404) },
      },
    },
    async (request, reply) => {
      valueOrProblem(await app.designs.remove(request.params.id));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/:id/duplicate',
    {
      schema: {
        tags: ['designs'],
        summary: 'Copy a design under a new id (name defaults to "<name> (copy)")',
        params: DesignIdParamsSchema,
        body: DuplicateDesignBodySchema,
        response: { 201: StoredDesignSchema, ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const original = valueOrProblem(await app.designs.get(request.params.id));
      const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...design } = original;
      const name = request.body?.name ?? `${design.name} (copy)`.slice(0, 200);
      return withVersion(reply.code(201), await app.designs.create({ ...design, name }));
    },
  );
};
export default designs;
