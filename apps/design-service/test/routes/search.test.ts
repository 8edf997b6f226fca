import { beforeAll, describe, expect, it } from 'vitest';
import { checkoutExample } from '@faultline/schemas';
import { createDesign, provider, useApp } from '../helper.ts';

describe(`searching designs by name on ${provider}`, () => {
  const app = useApp();
  beforeAll(async () => {
    for (const name of ['100% uptime', 'blue_green', 'bluexgreen', 'Plain', 'back\\slash', 'ÉTÉ 50%'])
      await createDesign(app(), { ...checkoutExample, name });
  });
  const search = async (q: string) => {
    const page = (
      await app().inject({ method: 'GET', url: `/api/designs?sort=name&q=${encodeURIComponent(q)}` })
    ).json();
    return { names: page.items.map((d: { name: string }) => d.name), total: page.total };
  };

  it('takes % and _ as the characters they are, not wildcards', async () => {
    expect(await search('%')).toEqual({ names: ['100% uptime', 'ÉTÉ 50%'], total: 2 });
    expect(await search('_')).toEqual({ names: ['blue_green'], total: 1 });
    expect(await search('blue_')).toEqual({ names: ['blue_green'], total: 1 });
    expect(await search('0%')).toEqual({ names: ['100% uptime', 'ÉTÉ 50%'], total: 2 });
    expect(await search('\\')).toEqual({ names: ['back\\slash'], total: 1 });
  });

  it('still ignores case', async () => {
    expect(await search('PLAIN')).toEqual({ names: ['Plain'], total: 1 });
    expect(await search('GREEN')).toEqual({ names: ['blue_green', 'bluexgreen'], total: 2 });
  });
});
