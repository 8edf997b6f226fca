export const pct = (ratio: number | null | undefined, digits = 2) =>
  ratio === null || ratio === undefined ? '–' : `${(ratio * 100).toFixed(digits)} %`;
export const ms = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : `${Number(value.toFixed(1))} ms`;
export const secs = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : `${(value / 1000).toFixed(1)} s`;
