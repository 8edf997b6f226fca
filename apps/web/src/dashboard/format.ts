export const pct = (ratio: number | null | undefined, digits = 2) =>
  ratio === null || ratio === undefined ? '–' : `${(ratio * 100).toFixed(digits)} %`;
export const ms = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : `${Number(value.toFixed(1))} ms`;
export const secs = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : `${(value / 1000).toFixed(1)} s`;
const sign = (value: number) => (value > 0 ? '+' : value < 0 ? '−' : '±');
/** A difference of two ratios, in percentage points: "+1.25 pp", never a percentage of a percentage. */
export const pp = (diff: number | null | undefined, digits = 2) =>
  diff === null || diff === undefined ? '–' : `${sign(diff)}${Math.abs(diff * 100).toFixed(digits)} pp`;
export const signedMs = (diff: number | null | undefined) =>
  diff === null || diff === undefined ? '–' : `${sign(diff)}${Number(Math.abs(diff).toFixed(1))} ms`;
/** Seconds for a time of the run: "60 s", "2.5 s". */
export const at = (timeMs: number) => `${Number((timeMs / 1000).toFixed(1))} s`;

/** A result's kebab-case id (`connection-refused`, `baseline-vs-chaos`) as words a person reads. */
export const inWords = (id: string) => id.replaceAll('-', ' ');
