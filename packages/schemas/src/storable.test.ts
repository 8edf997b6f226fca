import { describe, expect, it } from 'vitest';
import { INT32_MAX, int32, safeText } from './storable.ts';

describe('values every database can store', () => {
  it('int32 takes the 32-bit range and names the bound past it', () => {
    expect(int32().parse(INT32_MAX)).toBe(INT32_MAX);
    expect(int32().parse(-INT32_MAX - 1)).toBe(-INT32_MAX - 1);
    expect(int32().safeParse(INT32_MAX + 1).error?.issues[0]?.message).toBe(
      'must be at most 2147483647 (a 32-bit integer)',
    );
    expect(int32().safeParse(-INT32_MAX - 2).error?.issues[0]?.message).toBe(
      'must be at least -2147483648 (a 32-bit integer)',
    );
  });

  it('safeText refuses U+0000 and takes every other character', () => {
    expect(safeText().parse('naïve ✓ \t\u0001')).toBe('naïve ✓ \t\u0001');
    expect(safeText().safeParse('a\u0000b').error?.issues[0]?.message).toBe(
      'must not contain a null character (U+0000)',
    );
  });
});
