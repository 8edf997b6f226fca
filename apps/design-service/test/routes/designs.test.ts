import { describe, expect, it } from 'vitest';
import {
  DESIGN_LIMITS,
  DesignSchema,
  brokenDesign,
  checkoutExample,
  designOf,
  everythingExample,
  invalidDesignExamples,
} from '@faultline/schemas';
import { createDesign, getDesign, listedIds, problemOf, provider, useApp } from '../helper.ts';

describe(`designs on ${provider}`, () => {
  const app = useApp();

  it('a design with every component kind, fault type and pattern reads back identical', async () => {
    const created = await createDesign(app(), everythingExample);
    expect(created.version).toBe(1);
    const read = await getDesign(app(), created.id);
    expect(designOf(read)).toEqual(everythingExample);
    expect(read).toEqual(created);
  });

  it('a design that leaves fields out reads back with the documented defaults', async () => {
    const created = await createDesign(app(), checkoutExample);
    expect(designOf(await getDesign(app(), created.id))).toEqual(DesignSchema.parse(checkoutExample));
  });

  it('what is PUT is what is GET, and the version moves on', async () => {
    const created = await createDesign(app(), checkoutExample);
    const edited = structuredClone(created);
    edited.name = 'checkout v2';
    edited.components = edited.components.map((c) =>
      c.id === 'api' && c.kind === 'service' ? { ...c, replicas: 5 } : c,
    );
    edited.faults = [];
    const response = await app().inject({ method: 'PUT', url: `/api/designs/${created.id}`, payload: edited });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"2"');
    const read = await getDesign(app(), created.id);
    expect(read.version).toBe(2);
    expect(designOf(read)).toEqual(designOf(edited));
  });

  it('a stale update gets 409 and the newer design stays', async () => {
    const created = await createDesign(app(), checkoutExample);
    const first = await app().inject({
      method: 'PUT',
      url: `/api/designs/${created.id}`,
      payload: { ...created, name: 'first writer' },
    });
    expect(first.statusCode).toBe(200);
    const second = await app().inject({
      method: 'PUT',
      url: `/api/designs/${created.id}`,
      payload: { ...created, name: 'second writer' },
    });
    expect(second.statusCode).toBe(409);
    expect(problemOf(second)).toMatchObject({ code: 'DESIGN_VERSION_CONFLICT', status: 409 });
    const read = await getDesign(app(), created.id);
    expect(read).toMatchObject({ name: 'first writer', version: 2 });
  });

  it('two concurrent updates from the same version: exactly one wins', async () => {
    const created = await createDesign(app(), checkoutExample);
    const responses = await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        app().inject({ method: 'PUT', url: `/api/designs/${created.id}`, payload: { ...created, name } }),
      ),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    const winner = responses.find((r) => r.statusCode === 200)!.json().name;
    expect((await getDesign(app(), created.id)).name).toBe(winner);
  });

  it('lists designs newest first, pages, sorts by name and searches by name ignoring case', async () => {
    const made = [];
    for (const name of ['Zebra payments', 'alpha Search', 'Mid SEARCH tier'])
      made.push(await createDesign(app(), { ...checkoutExample, name }));
    // Touch the first one so it becomes the most recently updated.
    await app().inject({
      method: 'PUT',
      url: `/api/designs/${made[0]!.id}`,
      payload: { ...made[0], description: 'touched' },
    });

    const newest = (await app().inject({ method: 'GET', url: '/api/designs?pageSize=2' })).json();
    expect(newest.items[0].id).toBe(made[0]!.id);
    expect(newest.items).toHaveLength(2);
    expect(newest.pageSize).toBe(2);
    const page2 = (await app().inject({ method: 'GET', url: '/api/designs?pageSize=2&page=2' })).json();
    expect(page2.items.map((d: { id: string }) => d.id)).not.toContain(newest.items[0].id);
    expect(page2.total).toBe(newest.total);

    const search = (await app().inject({ method: 'GET', url: '/api/designs?q=search&sort=name' })).json();
    expect(search.items.map((d: { name: string }) => d.name)).toEqual(['Mid SEARCH tier', 'alpha Search'].sort());
    expect(search.total).toBe(2);
    expect(search.items[0]).toMatchObject({ components: 3, faults: 1, version: 1 });
  });

  it('refuses a bad list query with the parameter named', async () => {
    const response = await app().inject({ method: 'GET', url: '/api/designs?pageSize=1000&sort=size' });
    expect(response.statusCode).toBe(400);
    expect(
      problemOf(response)
        .errors!.map((e) => e.path)
        .sort(),
    ).toEqual(['/pageSize', '/sort']);
  });

  it('deletes a design; an unknown id is 404', async () => {
    const created = await createDesign(app(), checkoutExample);
    expect((await app().inject({ method: 'DELETE', url: `/api/designs/${created.id}` })).statusCode).toBe(204);
    const gone = await app().inject({ method: 'GET', url: `/api/designs/${created.id}` });
    expect(gone.statusCode).toBe(404);
    expect(problemOf(gone).code).toBe('DESIGN_NOT_FOUND');
    expect((await app().inject({ method: 'DELETE', url: `/api/designs/${created.id}` })).statusCode).toBe(404);
    expect(
      (await app().inject({ method: 'PUT', url: `/api/designs/${created.id}`, payload: created })).statusCode,
    ).toBe(404);
  });

  it('duplicates a design under a new id', async () => {
    const created = await createDesign(app(), everythingExample);
    const copy = await app().inject({ method: 'POST', url: `/api/designs/${created.id}/duplicate` });
    expect(copy.statusCode).toBe(201);
    const duplicate = copy.json();
    expect(duplicate.id).not.toBe(created.id);
    expect(duplicate.name).toBe('Everything store (copy)');
    expect({ ...designOf(duplicate), name: created.name }).toEqual(designOf(created));
    const named = await app().inject({
      method: 'POST',
      url: `/api/designs/${created.id}/duplicate`,
      payload: { name: 'Fork' },
    });
    expect(named.json().name).toBe('Fork');
  });

  describe('every invalid example is refused with a 400 naming the field, and nothing changes', () => {
    it.each(invalidDesignExamples.map((e) => [e.rule, e] as const))('%s', async (_rule, example) => {
      const before = await listedIds(app());
      const response = await app().inject({ method: 'POST', url: '/api/designs', payload: brokenDesign(example) });
      expect(response.statusCode).toBe(400);
      const problem = problemOf(response);
      expect(problem.code).toBe('VALIDATION_FAILED');
      expect(problem.errors!.map((e) => e.path)).toContain(example.path);
      expect(await listedIds(app())).toEqual(before);
    });

    it('the same examples sent as an update leave the stored design as it was', async () => {
      const created = await createDesign(app(), everythingExample);
      for (const example of invalidDesignExamples) {
        const payload = { ...brokenDesign(example), version: created.version };
        const response = await app().inject({ method: 'PUT', url: `/api/designs/${created.id}`, payload });
        expect(response.statusCode, example.rule).toBe(400);
        expect(
          problemOf(response).errors!.map((e) => e.path),
          example.rule,
        ).toContain(example.path);
      }
      expect(await getDesign(app(), created.id)).toEqual(created);
    });
  });

  it('a body over the limit gets 413 and creates nothing', async () => {
    const before = await listedIds(app());
    const huge = { ...checkoutExample, description: 'x'.repeat(1024 * 1024) };
    const response = await app().inject({ method: 'POST', url: '/api/designs', payload: huge });
    expect(response.statusCode).toBe(413);
    expect(problemOf(response).code).toBe('PAYLOAD_TOO_LARGE');
    expect(await listedIds(app())).toEqual(before);
  });

  it('a design over the component limit gets 400 at /components', async () => {
    const components = Array.from({ length: DESIGN_LIMITS.components + 1 }, (_, i) => ({
      id: `s${i}`,
      name: `S${i}`,
      kind: 'service',
    }));
    const design = { ...checkoutExample, components: [...checkoutExample.components, ...components] };
    const response = await app().inject({ method: 'POST', url: '/api/designs', payload: design });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors!.map((e) => e.path)).toContain('/components');
  });

  it('unreadable JSON and unknown routes answer problem+json without internals', async () => {
    const bad = await app().inject({
      method: 'POST',
      url: '/api/designs',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(problemOf(bad).code).toBe('INVALID_BODY');
    expect(bad.body).not.toMatch(/at .*\.(ts|js):\d+/);
    const missing = await app().inject({ method: 'GET', url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(problemOf(missing).code).toBe('ROUTE_NOT_FOUND');
  });
});
