import { describe, expect, it } from 'vitest';
import { chaosResult } from '../test/results.ts';
import { queueStillGrowing, saturationOf } from './saturation.ts';

describe('saturation', () => {
  it('flags a component at 95 % utilisation or more, and one whose queue is still growing at the end', () => {
    const saturated = saturationOf(chaosResult());
    expect(saturated.get('api')).toEqual(['utilisation 97.0 %']);
    expect(saturated.get('db')).toEqual(['queue still growing at the end (8)']);
  });

  it('a queue that drained, or stays level, is not growing', () => {
    expect(queueStillGrowing([0, 5, 9, 4, 1, 0])).toBe(false);
    expect(queueStillGrowing([3, 3, 3, 3])).toBe(false);
    expect(queueStillGrowing([0, 0, 1, 2])).toBe(true);
    expect(queueStillGrowing([])).toBe(false);
  });
});
