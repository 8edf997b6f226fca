import type { Prisma } from '@faultline/db';
import {
  DesignSchema,
  RunSettingsSchema,
  RunPartSchema,
  RunStatusSchema,
  type Design,
  type Run,
  type RunSettings,
  type RunStatus,
} from '@faultline/schemas';

const RunPartsSchema = RunPartSchema.array();

/** The columns of a Run row this service reads for the API (everything but the design snapshot). */
export const RUN_COLUMNS = {
  id: true,
  designId: true,
  designName: true,
  designVersion: true,
  designHash: true,
  settings: true,
  status: true,
  simulatedMs: true,
  totalMs: true,
  events: true,
  percent: true,
  error: true,
  sloPassed: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  parts: true,
} as const satisfies Prisma.RunSelect;

/** A Run row as read for the API, typed by Prisma from the columns above. */
export type RunRow = Prisma.RunGetPayload<{ select: typeof RUN_COLUMNS }>;

export function toRun(row: RunRow): Run {
  return {
    id: row.id,
    designId: row.designId,
    designName: row.designName,
    designVersion: row.designVersion,
    designHash: row.designHash,
    settings: RunSettingsSchema.parse(row.settings),
    status: RunStatusSchema.parse(row.status),
    progress: { simulatedMs: row.simulatedMs, totalMs: row.totalMs, events: row.events, percent: row.percent },
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    sloPassed: row.sloPassed,
    parts: row.parts ? RunPartsSchema.parse(row.parts) : [],
  };
}

/** What a worker needs to run it. */
export interface RunJob {
  id: string;
  design: Design;
  settings: RunSettings;
  /** Starts so far, this one included. */
  attempts: number;
  /** As read with the rest: whoever follows the run's parts needs it too. */
  status: RunStatus;
}

/** The columns a worker reads. */
export const JOB_COLUMNS = {
  id: true,
  design: true,
  settings: true,
  attempts: true,
  status: true,
} as const satisfies Prisma.RunSelect;

export const toJob = (row: Prisma.RunGetPayload<{ select: typeof JOB_COLUMNS }>): RunJob => ({
  id: row.id,
  design: DesignSchema.parse(row.design),
  settings: RunSettingsSchema.parse(row.settings),
  attempts: row.attempts,
  status: RunStatusSchema.parse(row.status),
});
