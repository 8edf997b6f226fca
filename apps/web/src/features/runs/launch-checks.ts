import { DesignFieldsSchema, launchWarnings, type DesignInput, type LaunchWarning } from '@faultline/schemas';

/**
 * What the run dialog warns of before launch, for the settings as read from the fields (ms, or
 * the text when it is not a duration yet): the shared `launchWarnings`, on the design with its
 * defaults filled in. Nothing while the duration or warm-up is not a number: the field shows that
 * problem itself.
 */
export function warningsBeforeLaunch(design: DesignInput, durationMs: unknown, warmupMs: unknown): LaunchWarning[] {
  const warmup = warmupMs === undefined ? 0 : warmupMs;
  if (typeof durationMs !== 'number' || typeof warmup !== 'number') return [];
  const parsed = DesignFieldsSchema.safeParse(design);
  return parsed.success ? launchWarnings(parsed.data, { durationMs, warmupMs: warmup }) : [];
}
