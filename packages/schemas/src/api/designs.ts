import { z } from 'zod';
import { SlugSchema } from '../ids.ts';
import { int32, safeText } from '../storable.ts';
import { ResiliencePoliciesSchema } from '../resilience.ts';
import { DesignFieldsSchema, designRules } from '../design.ts';

export const DesignIdParamsSchema = z.object({ id: safeText().min(1).max(64) });
export const DesignFaultParamsSchema = DesignIdParamsSchema.extend({ faultId: SlugSchema });
export const DesignComponentParamsSchema = DesignIdParamsSchema.extend({ componentId: SlugSchema });

export const DESIGN_SORTS = ['-updatedAt', 'updatedAt', 'name', '-name'] as const;

export const ListDesignsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  /** Newest first unless told otherwise. */
  sort: z.enum(DESIGN_SORTS).default('-updatedAt'),
  /** Case-insensitive part of the name. */
  q: safeText().max(200).optional(),
});
export type ListDesignsQuery = z.infer<typeof ListDesignsQuerySchema>;

export const DesignSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  version: z.int(),
  components: z.int(),
  faults: z.int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type DesignSummary = z.infer<typeof DesignSummarySchema>;

export const DesignPageSchema = z.object({
  items: z.array(DesignSummarySchema),
  page: z.int(),
  pageSize: z.int(),
  total: z.int(),
});
export type DesignPage = z.infer<typeof DesignPageSchema>;

export const ExportQuerySchema = z.object({ format: z.enum(['json', 'yaml']).default('json') });

export const ComponentResilienceSchema = ResiliencePoliciesSchema;

/**
 * A whole design sent back for saving: the version it was read at is required. `id` and the
 * timestamps may be left in (a client can PUT back what it got); they are ignored.
 */
export const UpdateDesignBodySchema = z
  .strictObject({
    ...DesignFieldsSchema.shape,
    version: int32().min(1),
    id: z.string().optional(),
    createdAt: z.string().optional(),
    updatedAt: z.string().optional(),
  })
  .superRefine(designRules);
export type UpdateDesignBody = z.infer<typeof UpdateDesignBodySchema>;

// No body at all reaches the validator as null.
export const DuplicateDesignBodySchema = z
  .strictObject({ name: safeText().trim().min(1).max(200).optional() })
  .nullish();
