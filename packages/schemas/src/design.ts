import { z } from 'zod';
import { ComponentSchema, ConnectionSchema } from './component.ts';
import { checkDesignRules } from './design-rules.ts';
import { FaultSchema } from './fault.ts';
import { int32, safeText } from './storable.ts';
import { SloSchema, WorkloadSchema } from './workload.ts';
import { toFieldIssues, type FieldIssue } from './errors.ts';

/** Size limits of one design; past them a clear 400 rather than a slow server. */
export const DESIGN_LIMITS = { components: 500, connections: 2_000, faults: 500 } as const;

/** The fields of a design before the whole-design rules (references, cycles) are checked. */
export const DesignFieldsSchema = z.strictObject({
  name: safeText().trim().min(1).max(200),
  description: safeText().max(10_000).default(''),
  components: z.array(ComponentSchema).max(DESIGN_LIMITS.components),
  connections: z.array(ConnectionSchema).max(DESIGN_LIMITS.connections).default([]),
  faults: z.array(FaultSchema).max(DESIGN_LIMITS.faults).default([]),
  workload: WorkloadSchema,
  slo: SloSchema.prefault({}),
});

/** The whole-design rules as a zod refinement, for any schema that holds the design fields. */
export function designRules(design: z.output<typeof DesignFieldsSchema>, ctx: z.RefinementCtx): void {
  for (const violation of checkDesignRules(design)) {
    ctx.addIssue({ code: 'custom', path: violation.path, message: violation.message });
  }
}

/**
 * A complete, valid design document (SPEC §3). Parsing fills in every default, so a parsed design
 * states every value the simulation uses.
 */
export const DesignSchema = DesignFieldsSchema.superRefine(designRules);
export type Design = z.infer<typeof DesignSchema>;
export type DesignInput = z.input<typeof DesignSchema>;

/** A design as the design service stores it. */
export const StoredDesignSchema = z.object({
  id: z.string(),
  version: int32().min(1),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  ...DesignFieldsSchema.shape,
});
export type StoredDesign = z.infer<typeof StoredDesignSchema>;

export type DesignValidation = { success: true; design: Design } | { success: false; issues: FieldIssue[] };

/** Validates a design, reporting every broken rule with the JSON pointer of its field. */
export function validateDesign(input: unknown): DesignValidation {
  const result = DesignSchema.safeParse(input);
  return result.success
    ? { success: true, design: result.data }
    : { success: false, issues: toFieldIssues(result.error) };
}

/** The design part of a stored design (what is exported, imported and simulated). */
export function designOf(stored: StoredDesign): Design {
  const { id: _id, version: _version, createdAt: _c, updatedAt: _u, ...design } = stored;
  return design;
}
