import { describe, expect, it } from 'vitest';
import { provider, useApp } from './helper.ts';

describe(`service surface on ${provider}`, () => {
  const app = useApp();

  it('publishes an OpenAPI document generated from the schemas', async () => {
    const response = await app().inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/designs/',
        '/api/designs/{id}',
        '/api/designs/{id}/duplicate',
        '/api/designs/{id}/faults',
        '/api/designs/{id}/faults/{faultId}',
        '/api/designs/{id}/components/{componentId}/resilience',
        '/api/designs/{id}/export',
        '/api/designs/import',
      ]),
    );
    // The request body schema is the real design schema, down to the fault types.
    const body = JSON.stringify(doc.paths['/api/designs/'].post.requestBody);
    for (const type of ['resource-exhaustion', 'circuit-breaker', 'lognormal', 'least-outstanding'])
      expect(body).toContain(type);
    // Operations and request classes (SPEC §3.7) come with it.
    for (const field of ['"operations"', '"weight"', '"operation"', '"classes"']) expect(body).toContain(field);
    const html = await app().inject({ method: 'GET', url: '/docs/' });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
  });

  it('reports health with the database it runs on', async () => {
    const response = await app().inject({ method: 'GET', url: '/health' });
    expect(response.json()).toEqual({ status: 'ok', database: provider });
  });
});
