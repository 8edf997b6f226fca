import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { stringify } from 'yaml';
import { z } from 'zod';
import {
  DesignIdParamsSchema,
  DesignSchema,
  ExportQuerySchema,
  StoredDesignSchema,
  designOf,
} from '@faultline/schemas';
import { problems } from '@faultline/service-kit';
import { valueOrProblem } from '../../../errors.ts';
import { withVersion } from './versioning.ts';
import { YAML_CONTENT_TYPES } from '../../../plugins/yaml-body.ts';

/** A name safe in a download's file name. */
const fileStem = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'design';

/** Designs out as JSON or YAML files, and back in as new designs. */
const transfer: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/export',
    {
      schema: {
        tags: ['transfer'],
        summary: 'Download a design as JSON or YAML (without id, version or timestamps)',
        params: DesignIdParamsSchema,
        querystring: ExportQuerySchema,
        response: { 200: z.string().describe('The design as a JSON or YAML document'), ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const design = designOf(valueOrProblem(await app.designs.get(request.params.id)));
      const { format } = request.query;
      const body = format === 'yaml' ? stringify(design) : JSON.stringify(design, null, 2) + '\n';
      return reply
        .type(format === 'yaml' ? 'application/yaml; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileStem(design.name)}.faultline.${format}"`)
        .serializer((text) => text as string)
        .send(body);
    },
  );

  app.post(
    '/import',
    {
      schema: {
        tags: ['transfer'],
        summary: `Create a design from an exported file: a JSON body, or YAML (${YAML_CONTENT_TYPES.join(', ')})`,
        body: DesignSchema,
        response: { 201: StoredDesignSchema, ...problems(400, 413, 415) },
      },
    },
    async (request, reply) => withVersion(reply.code(201), await app.designs.create(request.body)),
  );
};
export default transfer;
