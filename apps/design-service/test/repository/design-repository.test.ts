import { describe, expect, it } from 'vitest';
import { checkoutExample, designOf, DesignSchema, FaultSchema } from '@faultline/schemas';
import { addFault } from '../../src/design-parts.ts';
import { provider, useApp } from '../helper.ts';

const checkout = DesignSchema.parse(checkoutExample);

// The repository on its own, without HTTP: what a caller can get wrong comes back as a failure
// with a domain code and no status, and nothing is written.
describe(`design repository on ${provider}`, () => {
  const app = useApp();
  const designs = () => app().designs;

  it('answers an unknown id with DESIGN_NOT_FOUND on read, replace, change and remove', async () => {
    const notFound = { ok: false, failure: { code: 'DESIGN_NOT_FOUND', detail: 'Design "ghost" does not exist' } };
    expect(await designs().get('ghost')).toEqual(notFound);
    expect(await designs().replace('ghost', checkout, 1)).toEqual(notFound);
    expect(await designs().change('ghost', (design) => ({ ok: true, value: { design } }))).toEqual(notFound);
    expect(await designs().remove('ghost')).toEqual(notFound);
  });

  it('refuses a replacement from a stale version and keeps the newer design', async () => {
    const created = await designs().create(checkout);
    const renamed = await designs().replace(created.id, { ...checkout, name: 'renamed' }, 1);
    expect(renamed).toMatchObject({ ok: true, value: { version: 2, name: 'renamed' } });

    const stale = await designs().replace(created.id, { ...checkout, name: 'lost' }, 1);
    expect(stale).toEqual({
      ok: false,
      failure: {
        code: 'DESIGN_VERSION_CONFLICT',
        detail: `Design "${created.id}" is at version 2, not 1: it was changed since you read it. Reload it and apply your change again.`,
      },
    });
    expect(await designs().get(created.id)).toMatchObject({ ok: true, value: { version: 2, name: 'renamed' } });
  });

  it('refuses an edit based on a stale version, and an edit that would break the design', async () => {
    const created = await designs().create(checkout);
    const ghost = FaultSchema.parse({
      id: 'ghost-down',
      name: 'Ghost down',
      type: 'crash',
      target: { component: 'ghost' },
      params: {},
    });
    const stale = await designs().change(created.id, addFault(created.id, ghost), 7);
    expect(stale).toMatchObject({ ok: false, failure: { code: 'DESIGN_VERSION_CONFLICT' } });

    // Problems inside the added fault are reported relative to it.
    expect(await designs().change(created.id, addFault(created.id, ghost))).toEqual({
      ok: false,
      failure: {
        code: 'VALIDATION_FAILED',
        detail: 'The change would make the design invalid',
        errors: [{ path: '/target/component', message: 'no component has id "ghost"' }],
      },
    });
    const read = await designs().get(created.id);
    if (!read.ok) throw new Error(read.failure.detail);
    expect(designOf(read.value)).toEqual(checkout);
    expect(read.value.version).toBe(1);
  });

  it('passes on the failure of an edit and writes nothing', async () => {
    const created = await designs().create(checkout);
    const refusal = { code: 'FAULT_NOT_FOUND', detail: 'made up' } as const;
    expect(await designs().change(created.id, () => ({ ok: false, failure: refusal }))).toEqual({
      ok: false,
      failure: refusal,
    });
    expect(await designs().get(created.id)).toMatchObject({ ok: true, value: { version: 1 } });
  });
});
