import { parseDuration as durationOf } from '@faultline/schemas';
import { CliError } from './cli-error.ts';

/** "60s", "1.5m", "500ms", "2h" or a bare number of ms, as milliseconds (the parser the editor uses too). */
export function parseDuration(text: string, option: string): number {
  const ms = durationOf(text);
  if (ms === null) throw new CliError(`${option}: "${text}" is not a duration; write it like 60s, 1.5m, 500ms or 2h`);
  return ms;
}
