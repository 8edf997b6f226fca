import fp from 'fastify-plugin';
import type { FastifySchemaCompiler } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';

/** Keeps the whole zod error so the error handler can name every failing field by its path. */
export class RequestValidationError extends Error {
  constructor(
    readonly part: string,
    readonly zodError: z.ZodError,
  ) {
    super(`invalid ${part}`);
  }
}

const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data);
    return result.success
      ? { value: result.data }
      : { error: new RequestValidationError(httpPart ?? 'body', result.error) };
  };

/** Request and response schemas are zod schemas from @faultline/schemas. */
export default fp(async (app) => {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
});
