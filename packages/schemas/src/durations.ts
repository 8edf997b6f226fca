/** Milliseconds in each unit a person may type after a duration. */
const UNITS = { ms: 1, s: 1_000, m: 60_000, min: 60_000, h: 3_600_000 } as const;
export type DurationUnit = 'ms' | 's' | 'm' | 'h';

/**
 * "250ms", "60s", "1.5m", "2h" (a space before the unit is fine), or a bare number read in
 * `bare` units, as whole milliseconds; null when the text is not a duration. Every duration of a
 * design is stored in ms: this is how the command line and the editor read what people type.
 */
export function parseDuration(text: string, bare: DurationUnit = 'ms'): number | null {
  const match = /^(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|min|m|h)?$/i.exec(text.trim());
  if (!match) return null;
  const unit = (match[2]?.toLowerCase() ?? bare) as keyof typeof UNITS;
  return Math.round(Number(match[1]) * UNITS[unit]);
}
