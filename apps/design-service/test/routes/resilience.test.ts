import { beforeEach, describe, expect, it } from 'vitest';
import { checkoutExample, type StoredDesign } from '@faultline/schemas';
import { createDesign, getDesign, problemOf, provider, useApp } from '../helper.ts';

const breaker = {
  type: 'circuit-breaker',
  connection: 'api-db',
  params: { minimumCalls: 10, failureRateThreshold: 50, waitInOpenMs: 5000 },
};

describe(`resilience policies on ${provider}`, () => {
  const app = useApp();
  let design: StoredDesign;
  beforeEach(async () => {
    design = await createDesign(app(), checkoutExample);
  });
  const url = (component: string) => `/api/designs/${design.id}/components/${component}/resilience`;

  it("reads a component's policies and replaces them, filling Resilience4j's defaults", async () => {
    const read = (await app().inject({ method: 'GET', url: url('api') })).json();
    expect(read.resilience.map((p: { type: string }) => p.type)).toEqual(['timeout', 'retry']);
    expect(read.inbound).toEqual([]);

    const response = await app().inject({
      method: 'PUT',
      url: url('api'),
      payload: {
        resilience: [...read.resilience, breaker],
        inbound: [{ type: 'load-shedding', params: { maxInFlight: 50 } }],
      },
    });
    expect(response.statusCode).toBe(200);
    const saved = response.json();
    expect(saved.resilience[2].params).toEqual({
      slidingWindow: { type: 'count', size: 100 },
      minimumCalls: 10,
      failureRateThreshold: 50,
      slowCallDurationMs: 60_000,
      slowCallRateThreshold: 100,
      waitInOpenMs: 5000,
      permittedCallsInHalfOpen: 10,
    });
    const api = (await getDesign(app(), design.id)).components.find((c) => c.id === 'api');
    expect(api).toMatchObject({ resilience: saved.resilience, inbound: saved.inbound });
  });

  it('refuses invalid policies with paths inside the body, and changes nothing', async () => {
    const bad = await app().inject({
      method: 'PUT',
      url: url('api'),
      payload: { resilience: [{ type: 'retry', params: { maxAttempts: 0 } }], inbound: [] },
    });
    expect(problemOf(bad).errors!.map((e) => e.path)).toEqual(['/resilience/0/params/maxAttempts']);

    const foreign = await app().inject({
      method: 'PUT',
      url: url('api'),
      payload: { resilience: [{ ...breaker, connection: 'users-api' }], inbound: [] },
    });
    expect(foreign.statusCode).toBe(400);
    expect(problemOf(foreign).errors!.map((e) => e.path)).toEqual(['/resilience/0/connection']);

    const twice = await app().inject({
      method: 'PUT',
      url: url('api'),
      payload: { resilience: [breaker, breaker], inbound: [] },
    });
    expect(problemOf(twice).errors!.map((e) => e.path)).toEqual(['/resilience/1/type']);

    const clientGuard = await app().inject({
      method: 'PUT',
      url: url('users'),
      payload: { resilience: [], inbound: [{ type: 'load-shedding', params: { maxInFlight: 5 } }] },
    });
    expect(problemOf(clientGuard).errors!.map((e) => e.path)).toEqual(['/inbound']);
    expect(await getDesign(app(), design.id)).toEqual(design);
  });

  it('answers 404 for an unknown component', async () => {
    const response = await app().inject({ method: 'GET', url: url('ghost') });
    expect(response.statusCode).toBe(404);
    expect(problemOf(response).code).toBe('COMPONENT_NOT_FOUND');
  });
});
