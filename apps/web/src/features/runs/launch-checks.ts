import { DesignFieldsSchema, launchWarnings, type DesignInput, type LaunchWarning } from '@faultline/schemas';

/**
 * What the run dialog warns of before launch, for the settings as typed (seconds): the shared
 * `launchWarnings`, on the design with its defaults filled in. Nothing while a duration or
 * warm-up is not a number yet: the field shows that problem itself.
 */
export function warningsBeforeLaunch(design: DesignInput, duration: string, warmup: string): LaunchWarning[] {
  const durationMs = Number(duration) * 1000;
  const warmupMs = warmup.trim() === '' ? 0 : Number(warmup) * 1000;
  if (!Number.isFinite(durationMs) || !Number.isFinite(warmupMs) || duration.trim() === '') return [];
  const parsed = DesignFieldsSchema.safeParse(design);
  return parsed.success ? launchWarnings(parsed.data, { durationMs, warmupMs }) : [];
}
