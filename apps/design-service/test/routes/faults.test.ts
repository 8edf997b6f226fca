import { beforeEach, describe, expect, it } from 'vitest';
import { checkoutExample, type StoredDesign } from '@faultline/schemas';
import { createDesign, getDesign, problemOf, provider, useApp } from '../helper.ts';

const latencyFault = {
  id: 'api-slow',
  name: 'Slow API',
  type: 'latency',
  target: { component: 'api' },
  schedule: { startMs: 5000, durationMs: 2000 },
  params: { addMs: { kind: 'constant', value: 100 } },
};

describe(`faults on ${provider}`, () => {
  const app = useApp();
  let design: StoredDesign;
  beforeEach(async () => {
    design = await createDesign(app(), checkoutExample);
  });
  const url = (suffix = '') => `/api/designs/${design.id}/faults${suffix}`;

  it('lists, adds, replaces and removes faults; each write moves the design version on', async () => {
    expect((await app().inject({ method: 'GET', url: url() })).json().map((f: { id: string }) => f.id)).toEqual([
      'db-outage',
    ]);

    const added = await app().inject({ method: 'POST', url: url(), payload: latencyFault });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      id: 'api-slow',
      enabled: true,
      schedule: { probability: 1 },
      params: { spikeProbability: 0 },
    });
    expect(added.headers.etag).toBe('"2"');

    const disabled = await app().inject({
      method: 'PUT',
      url: url('/api-slow'),
      payload: { ...latencyFault, enabled: false },
    });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().enabled).toBe(false);

    expect((await app().inject({ method: 'DELETE', url: url('/db-outage') })).statusCode).toBe(204);
    const read = await getDesign(app(), design.id);
    expect(read.version).toBe(4);
    expect(read.faults).toEqual([{ ...added.json(), enabled: false }]);
  });

  it('refuses a fault that does not fit the design, with the path inside the fault', async () => {
    const response = await app().inject({
      method: 'POST',
      url: url(),
      payload: { ...latencyFault, target: { component: 'ghost' } },
    });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors).toEqual([{ path: '/target/component', message: 'no component has id "ghost"' }]);
    const wrongKind = await app().inject({
      method: 'POST',
      url: url(),
      payload: { id: 'loss', name: 'Loss', type: 'packet-loss', target: { component: 'api' }, params: {} },
    });
    expect(problemOf(wrongKind).errors!.map((e) => e.path)).toEqual(['/target']);
    expect(await getDesign(app(), design.id)).toEqual(design);
  });

  it('refuses field errors in the fault body with their paths', async () => {
    const response = await app().inject({
      method: 'POST',
      url: url(),
      payload: { ...latencyFault, schedule: { startMs: -1, probability: 2 } },
    });
    expect(response.statusCode).toBe(400);
    expect(
      problemOf(response)
        .errors!.map((e) => e.path)
        .sort(),
    ).toEqual(['/schedule/probability', '/schedule/startMs']);
  });

  it('answers 409 for a second fault with the same id and 404 for unknown faults', async () => {
    const again = await app().inject({ method: 'POST', url: url(), payload: { ...latencyFault, id: 'db-outage' } });
    expect(again.statusCode).toBe(409);
    expect(problemOf(again).code).toBe('FAULT_ALREADY_EXISTS');
    const missing = await app().inject({ method: 'PUT', url: url('/nope'), payload: { ...latencyFault, id: 'nope' } });
    expect(problemOf(missing).code).toBe('FAULT_NOT_FOUND');
    expect((await app().inject({ method: 'DELETE', url: url('/nope') })).statusCode).toBe(404);
    expect((await app().inject({ method: 'GET', url: '/api/designs/missing/faults' })).statusCode).toBe(404);
  });

  it('a replacement must keep the fault id of the URL', async () => {
    const response = await app().inject({ method: 'PUT', url: url('/db-outage'), payload: { ...latencyFault } });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors![0]!.path).toBe('/id');
  });

  it('honours If-Match: a stale version gets 409 and changes nothing', async () => {
    const stale = await app().inject({
      method: 'POST',
      url: url(),
      headers: { 'if-match': '"7"' },
      payload: latencyFault,
    });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale).code).toBe('DESIGN_VERSION_CONFLICT');
    const fresh = await app().inject({
      method: 'POST',
      url: url(),
      headers: { 'if-match': '"1"' },
      payload: latencyFault,
    });
    expect(fresh.statusCode).toBe(201);
    const junk = await app().inject({ method: 'DELETE', url: url('/api-slow'), headers: { 'if-match': 'yesterday' } });
    expect(problemOf(junk).errors![0]!.path).toBe('/headers/if-match');
  });
});
