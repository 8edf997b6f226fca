import { describe, expect, it } from 'vitest';
import { listedIds, problemOf, provider, useApp } from '../helper.ts';

const importYaml = (body: string) => ({
  method: 'POST' as const,
  url: '/api/designs/import',
  headers: { 'content-type': 'application/yaml' },
  payload: body,
});

describe(`YAML imports that would stall the service, on ${provider}`, () => {
  const app = useApp({ bodyLimit: 2 * 1024 * 1024 });

  it.each([
    ['1 MB of [', '['.repeat(1_000_000), /nests deeper than 64 levels/],
    ['1 MB of {', '{'.repeat(1_000_000), /nests deeper than 64 levels/],
    [
      '300 indented levels',
      Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
      /indented deeper than 256 columns/,
    ],
    ['20,000 compact "- "', '- '.repeat(20_000), /indented deeper than 256 columns/],
  ])('%s is refused at once with 400 naming the rule, creating nothing', { timeout: 15_000 }, async (_, body, rule) => {
    const started = performance.now();
    const response = await app().inject(importYaml(body));
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(response.statusCode).toBe(400);
    expect(problemOf(response)).toMatchObject({ code: 'INVALID_BODY', detail: expect.stringMatching(rule) });
    expect(await listedIds(app())).toEqual([]);
  });

  it('health stays responsive while a large shallow YAML is being parsed', { timeout: 60_000 }, async () => {
    // Shallow, but slow to parse: half a megabyte of list items.
    const pending = app().inject(importYaml(`[${'1,'.repeat(250_000)}1]`));
    const healthTimes: number[] = [];
    let settled = false;
    void pending.finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    while (!settled && healthTimes.length < 10) {
      const started = performance.now();
      const health = await app().inject({ method: 'GET', url: '/health' });
      expect(health.statusCode).toBe(200);
      healthTimes.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const response = await pending;
    expect(healthTimes.length).toBeGreaterThan(1);
    expect(Math.max(...healthTimes)).toBeLessThan(500);
    expect(response.statusCode).toBe(400);
    expect(await listedIds(app())).toEqual([]);
  });
});
