import { z } from 'zod';
import type { Design } from './design.ts';
import type { RunSettings } from './run.ts';

/** Something a person should know before launching a run (SPEC §5), about one fault. */
export const LaunchWarningSchema = z.object({ faultId: z.string(), message: z.string() });
export type LaunchWarning = z.infer<typeof LaunchWarningSchema>;

const seconds = (ms: number) => `${Math.round(ms) / 1000} s`;

/**
 * What would make a run's verdicts mislead before it starts: enabled faults that will never be
 * active in its measured period, and a warm-up that hides the start of a fault. Shared by the
 * run dialog (before launch) and the orchestrator (in the 202 answer).
 */
export function launchWarnings(
  design: Design,
  settings: Pick<RunSettings, 'durationMs' | 'warmupMs'>,
): LaunchWarning[] {
  const { durationMs, warmupMs } = settings;
  const warnings: LaunchWarning[] = [];
  for (const fault of design.faults) {
    if (!fault.enabled) continue;
    const { startMs, durationMs: length } = fault.schedule;
    const endMs = length === null ? Infinity : startMs + length;
    const say = (message: string) => warnings.push({ faultId: fault.id, message: `"${fault.name}" ${message}` });
    if (startMs >= durationMs) {
      say(`starts at ${seconds(startMs)}, after the run ends at ${seconds(durationMs)}: it will never be active.`);
    } else if (endMs <= warmupMs) {
      say(`ends at ${seconds(endMs)}, within the warm-up of ${seconds(warmupMs)}: it will never be measured.`);
    } else if (warmupMs > startMs && startMs > 0) {
      // A fault that starts with the run is meant to be in force before measuring starts.
      say(`starts at ${seconds(startMs)}, within the warm-up of ${seconds(warmupMs)}: its start is not measured.`);
    }
  }
  return warnings;
}
