import { describe, expect, it } from 'vitest';
import { checkoutExample } from '@faultline/schemas';
import { listedIds, problemOf, provider, useApp } from '../helper.ts';

describe(`a body with very many problems, on ${provider}`, () => {
  const app = useApp();

  it('60,000 unknown keys get the first 100 issues and a count of the rest, in a small answer', async () => {
    const junk = Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`k${i}`, 1]));
    const response = await app().inject({
      method: 'POST',
      url: '/api/designs',
      payload: { ...checkoutExample, ...junk },
    });
    expect(response.statusCode).toBe(400);
    const problem = problemOf(response) as ReturnType<typeof problemOf> & { errorsNotListed?: number };
    expect(problem.errors).toHaveLength(100);
    expect(problem.errors![0]).toEqual({ path: '/k0', message: 'is not a known field' });
    expect(problem.errorsNotListed).toBe(59_900);
    expect(problem.detail).toMatch(/first 100 of 60000 problems/);
    expect(response.body.length).toBeLessThan(20_000);
    expect(await listedIds(app())).toEqual([]);
  });

  it('a body with fewer than 100 problems lists them all, with no count', async () => {
    const junk = Object.fromEntries(Array.from({ length: 99 }, (_, i) => [`k${i}`, 1]));
    const response = await app().inject({
      method: 'POST',
      url: '/api/designs',
      payload: { ...checkoutExample, ...junk },
    });
    const problem = problemOf(response) as ReturnType<typeof problemOf> & { errorsNotListed?: number };
    expect(problem.errors).toHaveLength(99);
    expect(problem.errorsNotListed).toBeUndefined();
  });
});
