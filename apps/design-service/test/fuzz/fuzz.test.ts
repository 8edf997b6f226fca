import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { everythingExample, type StoredDesign } from '@faultline/schemas';
import { createDesign, getDesign, provider, useApp } from '../helper.ts';
import { invalidDesigns, MUTATIONS, type InvalidCase } from './invalid-designs.ts';

const SEED = 18;
const COUNT = 1_000;

// 1,000 invalid designs over real HTTP (one server per database): every answer is a 4xx
// problem+json naming a field, and nothing is stored.
describe(`fuzzed invalid designs over HTTP, on ${provider}`, () => {
  const app = useApp();
  let origin: string;
  let stored: StoredDesign;
  let cases: InvalidCase[];
  beforeAll(async () => {
    cases = invalidDesigns(SEED, COUNT);
    stored = await createDesign(app(), everythingExample);
    // Ports 8350-8399 are this suite's; one per provider so both projects can run at once.
    origin = await app().listen({ host: '127.0.0.1', port: provider === 'sqlite' ? 8398 : 8399 });
  }, 60_000);
  afterAll(async () => {
    await app().server.close();
  });

  it('covers every kind of mutation, deterministically', () => {
    expect(new Set(cases.flatMap((c) => c.kinds))).toEqual(new Set(MUTATIONS.map((m) => m.kind)));
    expect(JSON.stringify(invalidDesigns(SEED, 20))).toBe(JSON.stringify(cases.slice(0, 20)));
  });

  it(
    `refuses ${COUNT} of them with 4xx problem+json naming a field, storing nothing`,
    { timeout: 120_000 },
    async () => {
      const cases = invalidDesigns(SEED, COUNT);
      const failures: string[] = [];
      const send = async (index: number, design: unknown) => {
        const route = index % 10;
        const request: [string, RequestInit] =
          route < 6
            ? [
                '/api/designs',
                { method: 'POST', body: JSON.stringify(design), headers: { 'content-type': 'application/json' } },
              ]
            : route < 8
              ? [
                  `/api/designs/${stored.id}`,
                  {
                    method: 'PUT',
                    body: JSON.stringify({ ...(design as object), version: 1 }),
                    headers: { 'content-type': 'application/json' },
                  },
                ]
              : route < 9
                ? [
                    '/api/designs/import',
                    { method: 'POST', body: JSON.stringify(design), headers: { 'content-type': 'application/json' } },
                  ]
                : [
                    '/api/designs/import',
                    {
                      method: 'POST',
                      body: stringify(design, { aliasDuplicateObjects: false }),
                      headers: { 'content-type': 'application/yaml' },
                    },
                  ];
        const response = await fetch(origin + request[0], request[1]);
        const body = (await response.json()) as { code?: string; errors?: { path: string }[] };
        // A body past the size limit is refused before it is read: 413 names that rule, not a field.
        const named =
          body.errors?.some((e) => e.path.startsWith('/')) ||
          (response.status === 413 && body.code === 'PAYLOAD_TOO_LARGE');
        if (
          response.status < 400 ||
          response.status >= 500 ||
          !response.headers.get('content-type')?.startsWith('application/problem+json') ||
          !named
        ) {
          failures.push(
            `#${index} (${cases[index]!.kinds.join(', ')}) ${request[1].method} ${request[0]}: ${response.status} ${JSON.stringify(body).slice(0, 300)}`,
          );
        }
      };
      // A few at a time, as clients would send them.
      for (let i = 0; i < cases.length; i += 8) {
        await Promise.all(cases.slice(i, i + 8).map((c) => send(c.index, c.design)));
      }
      expect(failures).toEqual([]);

      const list = (await app().inject({ method: 'GET', url: '/api/designs?pageSize=100' })).json();
      expect(list.total).toBe(1);
      expect(await getDesign(app(), stored.id)).toEqual(stored);
    },
  );
});
