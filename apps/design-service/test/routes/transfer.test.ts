import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { designOf, everythingExample, operationsExample } from '@faultline/schemas';
import { createDesign, getDesign, listedIds, problemOf, provider, useApp } from '../helper.ts';

describe(`export and import on ${provider}`, () => {
  const app = useApp();

  it('YAML export and re-import give the same design', { timeout: 30_000 }, async () => {
    const created = await createDesign(app(), everythingExample);
    const exported = await app().inject({ method: 'GET', url: `/api/designs/${created.id}/export?format=yaml` });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^application\/yaml/);
    expect(exported.headers['content-disposition']).toBe('attachment; filename="everything-store.faultline.yaml"');
    expect(parse(exported.body)).toEqual(designOf(created));

    const imported = await app().inject({
      method: 'POST',
      url: '/api/designs/import',
      headers: { 'content-type': 'application/yaml' },
      payload: exported.body,
    });
    expect(imported.statusCode).toBe(201);
    const copy = await getDesign(app(), imported.json().id);
    expect(copy.id).not.toBe(created.id);
    expect(designOf(copy)).toEqual(designOf(created));
  });

  it('a design with operations and request classes survives storage, YAML and JSON', { timeout: 30_000 }, async () => {
    const created = await createDesign(app(), operationsExample);
    const stored = designOf(created);
    // What was sent is what is kept: operations, call and fault operations, weights, class targets.
    expect(stored.components.map((c) => c.operations?.map((o) => o.id))).toEqual([
      ['browse', 'checkout'],
      ['list', 'pay'],
      ['read', 'write'],
    ]);
    expect(stored.faults[0]!.target).toEqual({ component: 'api', operation: 'pay' });
    expect(stored.slo.classes).toEqual(operationsExample.slo!.classes);
    expect(designOf(await getDesign(app(), created.id))).toEqual(stored);

    for (const format of ['yaml', 'json']) {
      const exported = await app().inject({ method: 'GET', url: `/api/designs/${created.id}/export?format=${format}` });
      const body = format === 'yaml' ? parse(exported.body) : exported.json();
      expect(body).toEqual(stored);
      const imported = await app().inject({
        method: 'POST',
        url: '/api/designs/import',
        headers: { 'content-type': format === 'yaml' ? 'application/yaml' : 'application/json' },
        payload: exported.body,
      });
      expect(imported.statusCode).toBe(201);
      expect(designOf(await getDesign(app(), imported.json().id))).toEqual(stored);
    }
  });

  it('refuses an import whose call names an operation its target lacks, at that field', async () => {
    const broken = JSON.parse(JSON.stringify(operationsExample));
    broken.components[1].operations[1].calls[0].operation = 'nope';
    const imported = await app().inject({ method: 'POST', url: '/api/designs/import', payload: broken });
    expect(imported.statusCode).toBe(400);
    expect(problemOf(imported).errors).toEqual([
      { path: '/components/1/operations/1/calls/0/operation', message: 'no operation "nope" on "db"' },
    ]);
  });

  it('JSON export re-imports the same way', async () => {
    const created = await createDesign(app(), everythingExample);
    const exported = await app().inject({ method: 'GET', url: `/api/designs/${created.id}/export` });
    expect(exported.headers['content-type']).toMatch(/^application\/json/);
    const imported = await app().inject({ method: 'POST', url: '/api/designs/import', payload: exported.json() });
    expect(designOf(imported.json())).toEqual(designOf(created));
  });

  it(
    'refuses broken YAML, an invalid design in YAML and an unknown format, creating nothing',
    { timeout: 30_000 },
    async () => {
      const before = await listedIds(app());
      const broken = await app().inject({
        method: 'POST',
        url: '/api/designs/import',
        headers: { 'content-type': 'text/yaml' },
        payload: 'name: [unclosed',
      });
      expect(broken.statusCode).toBe(400);
      expect(problemOf(broken).code).toBe('INVALID_BODY');

      const invalid = await app().inject({
        method: 'POST',
        url: '/api/designs/import',
        headers: { 'content-type': 'application/yaml' },
        payload: 'name: x\ncomponents: []\nworkload:\n  entry: nobody\n  arrival: {kind: poisson, ratePerSecond: 5}\n',
      });
      expect(invalid.statusCode).toBe(400);
      expect(problemOf(invalid).errors!.map((e) => e.path)).toEqual(['/workload/entry']);

      const xml = await app().inject({
        method: 'POST',
        url: '/api/designs/import',
        headers: { 'content-type': 'application/xml' },
        payload: '<design/>',
      });
      expect(xml.statusCode).toBe(415);
      expect(problemOf(xml).code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(await listedIds(app())).toEqual(before);

      const created = await createDesign(app(), everythingExample);
      const format = await app().inject({ method: 'GET', url: `/api/designs/${created.id}/export?format=xml` });
      expect(problemOf(format).errors!.map((e) => e.path)).toEqual(['/format']);
    },
  );
});
