/** Who a run is, for labels and titles: the orchestrator's run id, or `local` from the command line. */
export interface ExportContext {
  runId: string;
  designId: string;
  designName: string;
}
