import { describe, expect, it } from 'vitest';
import { useOrchestrator } from './helper.ts';

describe('service surface', () => {
  const app = useOrchestrator(() => 'http://127.0.0.1:9');

  it('publishes an OpenAPI document generated from the schemas', async () => {
    const doc = (await app().inject({ method: 'GET', url: '/docs/runs/json' })).json();
    expect(doc.info.title).toBe('Faultline orchestrator');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/runs/',
        '/api/runs/{id}',
        '/api/runs/{id}/cancel',
        '/api/runs/{id}/events',
        '/api/runs/{id}/result',
        '/api/runs/{id}/export',
        '/api/scenario-presets/',
        '/api/scenario-presets/{presetId}/faults',
      ]),
    );
    // The request body is the real settings schema, down to the scenarios.
    const body = JSON.stringify(doc.paths['/api/runs/'].post.requestBody);
    for (const kind of ['baseline-vs-chaos', 'sweep', 'defence-analysis', 'replications']) expect(body).toContain(kind);
    // The launch answer carries the warnings; the result, the defence analysis and the breaking point.
    const launched = doc.paths['/api/runs/'].post.responses['202'];
    expect(JSON.stringify(launched)).toMatch(/"warnings":\{"type":"array"/);
    const result = JSON.stringify(doc.paths['/api/runs/{id}/result'].get.responses['200']);
    for (const field of ['defences', 'availabilityInterval', 'breakingPoint']) expect(result).toContain(field);
    // Request classes (SPEC §3.7): per class, per operation, per-class verdicts, a class's breaking point.
    for (const field of ['"classes"', '"operations"', '"failedClasses"', '"degraded"']) expect(result).toContain(field);
  });

  it('answers an unknown route as problem+json', async () => {
    const response = await app().inject({ method: 'GET', url: '/api/nothing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });
});
