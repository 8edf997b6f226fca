import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DESIGN_TEMPLATES, DesignSchema, DesignTemplateSchema } from '@faultline/schemas';

/** Parsed once: each example is served with every default filled in, as a saved design reads. */
const TEMPLATES = DESIGN_TEMPLATES.map((t) => ({ ...t, design: DesignSchema.parse(t.design) }));

/** The examples a new design can start from, each ready to run with the lesson it teaches. */
const templates: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['templates'],
        summary: 'Example designs to start from: each a small system, a fault, and what running it teaches',
        response: { 200: z.array(DesignTemplateSchema) },
      },
    },
    async () => TEMPLATES,
  );
};
export default templates;
