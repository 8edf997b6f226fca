import { beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { checkoutExample, type StoredDesign } from '@faultline/schemas';
import { createDesign, getDesign, listedIds, problemOf, provider, useApp } from '../helper.ts';

// Values one database could store and the other not (PostgreSQL has no U+0000 in text and 32-bit
// integer columns): both refuse them with 400 naming the field, and nothing changes.
describe(`values a database cannot hold, on ${provider}`, () => {
  const app = useApp();
  let design: StoredDesign;
  beforeAll(async () => {
    design = await createDesign(app(), checkoutExample);
  });

  const withApi = (change: Record<string, unknown>) => ({
    ...checkoutExample,
    components: checkoutExample.components.map((c) => (c.id === 'api' ? { ...c, ...change } : c)),
  });
  const withConnection = (change: Record<string, unknown>) => ({
    ...checkoutExample,
    connections: checkoutExample.connections!.map((c, i) => (i === 1 ? { ...c, ...change } : c)),
  });
  const errorFault = {
    id: 'api-errors',
    name: 'API errors',
    type: 'error',
    target: { component: 'api' },
    params: { errorTypes: ['internal-error'], message: 'boom\u0000' },
  };

  const refusals: [string, () => InjectOptions, string, RegExp][] = [
    [
      'a null byte in a name',
      () => ({ method: 'POST', url: '/api/designs', payload: { ...checkoutExample, name: 'a\u0000b' } }),
      '/name',
      /null character/,
    ],
    [
      'a null byte in a description',
      () => ({ method: 'POST', url: '/api/designs', payload: { ...checkoutExample, description: '\u0000' } }),
      '/description',
      /null character/,
    ],
    [
      'a null byte in a component name',
      () => ({ method: 'POST', url: '/api/designs', payload: withApi({ name: 'API\u0000' }) }),
      '/components/1/name',
      /null character/,
    ],
    [
      'a null byte in a fault message',
      () => ({ method: 'POST', url: `/api/designs/${design.id}/faults`, payload: errorFault }),
      '/params/message',
      /null character/,
    ],
    [
      'a null byte in YAML',
      () => ({
        method: 'POST',
        url: '/api/designs/import',
        headers: { 'content-type': 'application/yaml' },
        payload: `${JSON.stringify({ ...checkoutExample, name: 'x' })}`.replace('"name":"x"', '"name":"x\\0y"'),
      }),
      '/name',
      /null character/,
    ],
    [
      'queueCapacity of 3e9',
      () => ({ method: 'POST', url: '/api/designs', payload: withApi({ queueCapacity: 3e9 }) }),
      '/components/1/queueCapacity',
      // Its allocation cap is tighter than the column's 32 bits.
      /at most 1000000/,
    ],
    [
      'payloadBytes of 3e9',
      () => ({ method: 'POST', url: '/api/designs', payload: withConnection({ payloadBytes: 3e9 }) }),
      '/connections/1/payloadBytes',
      /at most 2147483647/,
    ],
    [
      'version 2147483648',
      () => ({ method: 'PUT', url: `/api/designs/${design.id}`, payload: { ...checkoutExample, version: 2147483648 } }),
      '/version',
      /at most 2147483647/,
    ],
    ['a null byte as a design id', () => ({ method: 'GET', url: '/api/designs/%00' }), '/id', /null character/],
    ['a null byte in a search', () => ({ method: 'GET', url: '/api/designs?q=%00' }), '/q', /null character/],
  ];

  it.each(refusals)('refuses %s with 400 naming the field, storing nothing', async (_, request, path, message) => {
    const before = await listedIds(app());
    const response = await app().inject(request());
    expect(response.statusCode).toBe(400);
    const issue = problemOf(response).errors?.find((e) => e.path === path);
    expect(issue?.message).toMatch(message);
    expect(await listedIds(app())).toEqual(before);
    expect(await getDesign(app(), design.id)).toEqual(design);
  });

  it('stores the largest values each field allows on both databases', async () => {
    const big = await createDesign(app(), {
      ...withConnection({ payloadBytes: 2147483647 }),
      components: withApi({ queueCapacity: 1_000_000 }).components,
    });
    const read = await getDesign(app(), big.id);
    expect(read.components[1]).toMatchObject({ queueCapacity: 1_000_000 });
    expect(read.connections[1]).toMatchObject({ payloadBytes: 2147483647 });
  });
});
