import type { ExportFormat, RunResult } from '@faultline/schemas';
import type { ExportContext } from './context.ts';
import { toCsv } from './csv.ts';
import { toMarkdown } from './markdown.ts';
import { toPrometheus } from './prometheus.ts';

export interface RunExport {
  body: string;
  contentType: string;
  extension: string;
}

/** A finished run in one of the export formats. */
export function exportRun(run: RunResult, format: ExportFormat, context: ExportContext): RunExport {
  switch (format) {
    case 'json':
      return {
        body: `${JSON.stringify(run, null, 2)}\n`,
        contentType: 'application/json; charset=utf-8',
        extension: 'json',
      };
    case 'csv':
      return { body: toCsv(run), contentType: 'text/csv; charset=utf-8', extension: 'csv' };
    case 'prom':
      return {
        body: toPrometheus(run, context),
        contentType: 'text/plain; version=0.0.4; charset=utf-8',
        extension: 'prom',
      };
    case 'md':
      return { body: toMarkdown(run, context), contentType: 'text/markdown; charset=utf-8', extension: 'md' };
  }
}

export type { ExportContext };
