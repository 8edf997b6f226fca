import { CliError } from './cli-error.ts';

const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** "60s", "1.5m", "500ms", "2h" or a bare number of ms, as milliseconds. */
export function parseDuration(text: string, option: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) throw new CliError(`${option}: "${text}" is not a duration; write it like 60s, 1.5m, 500ms or 2h`);
  return Math.round(Number(match[1]) * UNITS[match[2] ?? 'ms']!);
}
