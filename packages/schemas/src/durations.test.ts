import { describe, expect, it } from 'vitest';
import { parseDuration } from './durations.ts';

describe('durations as people type them', () => {
  it('reads a number with its unit as milliseconds', () => {
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('60s')).toBe(60_000);
    expect(parseDuration('2m')).toBe(120_000);
    expect(parseDuration('2 min')).toBe(120_000);
    expect(parseDuration('1.5m')).toBe(90_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration(' 10 S ')).toBe(10_000);
  });

  it('reads a bare number in the unit the field shows', () => {
    expect(parseDuration('500')).toBe(500);
    expect(parseDuration('90', 's')).toBe(90_000);
    expect(parseDuration('0.5', 's')).toBe(500);
  });

  it('is null for what is not a duration, so the schema can say what is wrong', () => {
    for (const text of ['', 'soon', '-5s', '5 days', '1e3', '10s5']) expect(parseDuration(text)).toBeNull();
  });
});
