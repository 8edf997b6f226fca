import { describe, expect, it } from 'vitest';
import { checkoutExample, designOf } from '@faultline/schemas';
import { provider, useApp } from '../helper.ts';

describe(`design versions over HTTP on ${provider}`, () => {
  const app = useApp();

  it('every answer that reads or writes a design carries its version as the ETag', async () => {
    const created = await app().inject({ method: 'POST', url: '/api/designs', payload: checkoutExample });
    const { id } = created.json();
    const url = `/api/designs/${id}`;
    const fault = { ...checkoutExample.faults![0]!, id: 'db-again' };
    const answers = [
      created,
      await app().inject({ method: 'GET', url }),
      await app().inject({ method: 'PUT', url, payload: { ...designOf(created.json()), version: 1 } }),
      await app().inject({ method: 'POST', url: `${url}/faults`, payload: fault }),
      await app().inject({ method: 'PUT', url: `${url}/faults/db-again`, payload: { ...fault, enabled: false } }),
      await app().inject({ method: 'DELETE', url: `${url}/faults/db-again` }),
      await app().inject({
        method: 'PUT',
        url: `${url}/components/api/resilience`,
        payload: { resilience: [], inbound: [] },
      }),
    ];
    expect(answers.map((a) => [a.statusCode, a.headers.etag])).toEqual([
      [201, '"1"'],
      [200, '"1"'],
      [200, '"2"'],
      [201, '"3"'],
      [200, '"4"'],
      [204, '"5"'],
      [200, '"6"'],
    ]);
    const copy = await app().inject({ method: 'POST', url: `${url}/duplicate`, payload: {} });
    const imported = await app().inject({ method: 'POST', url: '/api/designs/import', payload: checkoutExample });
    expect([copy.headers.etag, imported.headers.etag]).toEqual(['"1"', '"1"']);
  });
});
