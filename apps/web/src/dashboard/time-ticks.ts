/**
 * Evenly spaced, round ticks for a time axis from `startMs` over `spanMs`: about `wanted` of them,
 * each at a fraction (0..1) of the axis with its label in seconds.
 */
export function timeTicks(startMs: number, spanMs: number, wanted = 6): { at: number; label: string }[] {
  if (spanMs <= 0) return [];
  const raw = spanMs / 1000 / wanted;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const first = Math.ceil(startMs / 1000 / step) * step;
  const ticks: { at: number; label: string }[] = [];
  for (let s = first; s * 1000 <= startMs + spanMs + 1e-9; s += step) {
    ticks.push({ at: (s * 1000 - startMs) / spanMs, label: `${Number(s.toFixed(3))} s` });
  }
  return ticks;
}
