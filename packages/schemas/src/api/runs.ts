import { z } from 'zod';
import { LaunchWarningSchema } from '../launch-warnings.ts';
import { RunSettingsSchema } from '../run.ts';

export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export const RunStatusSchema = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof RunStatusSchema>;

/** A run that will not change any more. */
export const isFinished = (status: RunStatus) =>
  status === 'succeeded' || status === 'failed' || status === 'cancelled';

/**
 * A design id as the design service hands them out (UUIDs) or any id of their alphabet: a path
 * segment that stays itself, never `.`, `..`, an escape or a space that would read another URL.
 */
export const DesignIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, {
  message: 'is not a design id: 1 to 64 letters, digits, "-" or "_"',
});

export const CreateRunBodySchema = z.strictObject({
  designId: z.string().min(1).max(64),
  settings: RunSettingsSchema,
});
export type CreateRunBody = z.input<typeof CreateRunBodySchema>;

export const RunIdParamsSchema = z.object({ id: z.string().min(1).max(64) });

export const ListRunsQuerySchema = z.object({
  designId: z.string().min(1).max(64).optional(),
  /** Newest first; at most this many. */
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListRunsQuery = z.infer<typeof ListRunsQuerySchema>;

/** How far a run has got, across all the simulations its scenario needs. */
export const RunProgressSchema = z.object({
  /** Simulated time done and to do, summed over the scenario's simulations. */
  simulatedMs: z.number().min(0),
  totalMs: z.number().min(0),
  events: z.int().min(0),
  percent: z.number().min(0).max(100),
});
export type RunProgress = z.infer<typeof RunProgressSchema>;

/** What a part of a run is (SPEC §2): one simulation of one leg and replication of its scenario. */
export const PART_KINDS = ['simulation', 'baseline', 'chaos', 'step', 'variant'] as const;
export type PartKind = (typeof PART_KINDS)[number];
export const PART_STATUSES = ['waiting', 'running', 'succeeded', 'failed', 'cancelled'] as const;

export const RunPartSchema = z.object({
  kind: z.enum(PART_KINDS),
  /** Its place among the run's parts, from 0, in the order their results are assembled. */
  index: z.int().min(0),
  /** Which leg: the sweep step or the defence variant (0 for the design as it is); 0 otherwise. */
  leg: z.int().min(0),
  replication: z.int().min(0),
  status: z.enum(PART_STATUSES),
  /** Who simulated it: host, process and thread; null until it starts. */
  worker: z.string().nullable(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type RunPart = z.infer<typeof RunPartSchema>;

export const RunSchema = z.object({
  id: z.string(),
  designId: z.string(),
  designName: z.string(),
  /** The design's version when the run was created; the run keeps that exact snapshot. */
  designVersion: z.int(),
  designHash: z.string(),
  settings: RunSettingsSchema,
  status: RunStatusSchema,
  progress: RunProgressSchema,
  /** Why a run failed, in words a person can act on; null otherwise. */
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  /** Overall SLO verdict once succeeded (the chaos side of baseline-vs-chaos and of a defence analysis; every step of a sweep). */
  sloPassed: z.boolean().nullable(),
  /** The run's parts once it has started, and where each ran; empty before. */
  parts: z.array(RunPartSchema),
});
export type Run = z.infer<typeof RunSchema>;

/** The answer to a launch (202): the queued run, and what would make its verdicts mislead (SPEC §5). */
export const LaunchedRunSchema = RunSchema.extend({ warnings: z.array(LaunchWarningSchema) });
export type LaunchedRun = z.infer<typeof LaunchedRunSchema>;

export const RunListSchema = z.object({ items: z.array(RunSchema) });

export const EXPORT_FORMATS = ['json', 'csv', 'prom', 'md'] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;
export const RunExportQuerySchema = z.object({ format: ExportFormatSchema.default('json') });
