import { describe, expect, it } from 'vitest';
import { DESIGN_TEMPLATES, DesignSchema, type DesignTemplate } from '@faultline/schemas';
import { createDesign, getDesign, provider, useApp } from '../helper.ts';

describe(`templates on ${provider}`, () => {
  const app = useApp();

  it('serves every example with its lesson, each design complete and valid', async () => {
    const response = await app().inject({ method: 'GET', url: '/api/templates' });
    expect(response.statusCode).toBe(200);
    const templates: DesignTemplate[] = response.json();
    expect(templates.map((t) => t.id)).toEqual(DESIGN_TEMPLATES.map((t) => t.id));
    expect(templates.length).toBeGreaterThanOrEqual(4);
    for (const template of templates) {
      expect(template.name).not.toBe('');
      expect(template.description).not.toBe('');
      // Served with the defaults filled in: parsing it again changes nothing.
      expect(DesignSchema.parse(template.design)).toEqual(template.design);
    }
  });

  it('saves each example as a new design that reads back as it was served', async () => {
    const templates: DesignTemplate[] = (await app().inject({ method: 'GET', url: '/api/templates' })).json();
    for (const template of templates) {
      const stored = await createDesign(app(), template.design);
      const { id: _id, version, createdAt: _c, updatedAt: _u, ...design } = await getDesign(app(), stored.id);
      expect(version).toBe(1);
      expect(design).toEqual(template.design);
    }
  }, 30_000);

  it('is in the OpenAPI document', async () => {
    const doc = (await app().inject({ method: 'GET', url: '/docs/json' })).json();
    expect(doc.paths['/api/templates/'].get.responses['200']).toBeDefined();
  });
});
