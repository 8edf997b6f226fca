import { parseDuration, type DurationUnit } from '@faultline/schemas';

/** Whether a field's shown unit is a duration's: its text may carry a unit of its own (`60s`). */
export const isDurationUnit = (unit: string | undefined): unit is DurationUnit =>
  unit !== undefined && /^(ms|s)\b/.test(unit);

/** What a duration field reads as a person types it, in every form: `250ms`, `60s`, `2m`, or a bare number. */
export const DURATION_HINT = 'Type a number in the unit shown, or with its own unit: 250ms, 60s, 2m';

/**
 * A duration typed into a field whose unit is `unit` (`ms` or `s`), as milliseconds: `250ms`, `60s`,
 * `2m`, or a bare number in the field's unit. `undefined` when empty (the default applies); text the
 * schema can name the problem of otherwise.
 */
export function durationOrText(text: string, unit: string = 'ms'): number | string | undefined {
  const shownIn = /^s\b/.test(unit) ? 's' : 'ms';
  if (text.trim() === '') return undefined;
  const ms = parseDuration(text, shownIn);
  if (ms !== null) return ms;
  // A negative bare number is still read in the field's unit, so the schema's limit names it;
  // other text goes as typed, for the schema to say what is wrong with it.
  const value = Number(text);
  if (!Number.isFinite(value)) return text;
  return shownIn === 's' ? Math.round(value * 1000) : value;
}
