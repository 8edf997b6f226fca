import {
  DesignSchema,
  RunSettingsSchema,
  type Design,
  type Run,
  type RunSettings,
  type RunStatus,
} from '@faultline/schemas';

/** The columns of a Run row this service reads (everything but the design snapshot). */
export interface RunRow {
  id: string;
  designId: string;
  designName: string;
  designVersion: number;
  designHash: string;
  settings: unknown;
  status: string;
  simulatedMs: number;
  totalMs: number;
  events: number;
  percent: number;
  error: string | null;
  sloPassed: boolean | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

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
} as const;

export function toRun(row: RunRow): Run {
  return {
    id: row.id,
    designId: row.designId,
    designName: row.designName,
    designVersion: row.designVersion,
    designHash: row.designHash,
    settings: RunSettingsSchema.parse(row.settings),
    status: row.status as RunStatus,
    progress: { simulatedMs: row.simulatedMs, totalMs: row.totalMs, events: row.events, percent: row.percent },
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    sloPassed: row.sloPassed,
  };
}

/** What a worker needs to run it. */
export interface RunJob {
  id: string;
  design: Design;
  settings: RunSettings;
}

export const toJob = (row: { id: string; design: unknown; settings: unknown }): RunJob => ({
  id: row.id,
  design: DesignSchema.parse(row.design),
  settings: RunSettingsSchema.parse(row.settings),
});
