import { ProblemSchema } from '@faultline/schemas';
import { z } from 'zod';

export const noContent = z.null().describe('No content');

/** Error responses for the OpenAPI document; every one is application/problem+json. */
export const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, ProblemSchema.describe('application/problem+json')]));
