import { describe, expect, it } from 'vitest';
import { durationOrText, isDurationUnit } from './durations.ts';

describe('a duration typed into a field', () => {
  it('in a field shown in ms: units of its own, or a bare number of ms', () => {
    expect(durationOrText('250ms')).toBe(250);
    expect(durationOrText('60s')).toBe(60_000);
    expect(durationOrText('2m')).toBe(120_000);
    expect(durationOrText('1500')).toBe(1500);
  });

  it('in a field shown in seconds: a bare number is seconds', () => {
    expect(durationOrText('90', 's')).toBe(90_000);
    expect(durationOrText('2m', 's, not measured')).toBe(120_000);
    expect(durationOrText('500ms', 's')).toBe(500);
  });

  it('leaves the default to apply when empty, and the schema to name what is not a duration', () => {
    expect(durationOrText('  ')).toBeUndefined();
    expect(durationOrText('soon')).toBe('soon');
    expect(durationOrText('-5', 's')).toBe(-5000);
  });

  it('knows a duration field by its unit', () => {
    expect(['ms', 'ms, empty until the end', 's', 's, not measured'].every(isDurationUnit)).toBe(true);
    expect(['0–1', 'requests per second', '×', 'calls', undefined].some(isDurationUnit)).toBe(false);
  });
});
