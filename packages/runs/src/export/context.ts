import type { Design } from '@faultline/schemas';

/** Who a run is, for labels and titles: the orchestrator's run id, or `local` from the command line. */
export interface ExportContext {
  runId: string;
  designId: string;
  designName: string;
  /** The design the run ran (its snapshot): reports name components by it. Ids where absent. */
  design?: Design;
}

/** What a person reads for a component id: its name in the run's design, else the id. */
export function componentName(context: ExportContext, id: string): string {
  return context.design?.components.find((c) => c.id === id)?.name ?? id;
}

/** A connection read as where it leads: "Checkout API → Price service". */
export function connectionName(context: ExportContext, id: string): string {
  const connection = context.design?.connections.find((c) => c.id === id);
  if (!connection) return id;
  return `${componentName(context, connection.source)} → ${componentName(context, connection.target)}`;
}

/** What a person reads for a request class id: its name among the entry client's operations, else the id. */
export function requestClassName(context: ExportContext, id: string): string {
  const design = context.design;
  const entry = design?.components.find((c) => c.id === design.workload.entry);
  return entry?.operations?.find((o) => o.id === id)?.name ?? id;
}
