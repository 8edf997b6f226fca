import { afterAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { checkoutExample } from '@faultline/schemas';
import { buildApp } from '../../src/app.ts';
import { createDesign, getDesign, problemOf, provider, useApp } from '../helper.ts';

const faultWithId = (id: string) => ({
  id,
  name: `Slow ${id}`,
  type: 'latency',
  target: { component: 'api' },
  schedule: { startMs: 5000, durationMs: 2000 },
  params: { addMs: { kind: 'constant', value: 100 } },
});

// A part edit without If-Match applies to the latest version (README): concurrent writers of
// different parts must all be stored, one after another, whatever the database.
describe(`concurrent part edits on ${provider}`, () => {
  const app = useApp();

  const addAtOnce = async (
    designId: string,
    count: number,
    headers: Record<string, string> = {},
    instances: () => FastifyInstance[] = () => [app()],
  ) =>
    Promise.all(
      Array.from({ length: count }, (_, i) =>
        instances()[i % instances().length]!.inject({
          method: 'POST',
          url: `/api/designs/${designId}/faults`,
          headers,
          payload: faultWithId(`slow-${i}`),
        }),
      ),
    );

  it.each([2, 50])('%i fault additions at once without If-Match are all stored', { timeout: 60_000 }, async (count) => {
    const design = await createDesign(app(), checkoutExample);
    const answers = await addAtOnce(design.id, count);
    expect(answers.map((a) => a.statusCode)).toEqual(Array(count).fill(201));
    const read = await getDesign(app(), design.id);
    expect(read.faults.map((f) => f.id).sort()).toEqual(
      ['db-outage', ...Array.from({ length: count }, (_, i) => `slow-${i}`)].sort(),
    );
    expect(read.version).toBe(1 + count);
    expect(new Set(answers.map((a) => a.headers.etag)).size).toBe(count);
  });

  // Two processes of the design service on one database: edits in one process queue behind each
  // other, so only the retry after a lost race keeps the other process's additions.
  let second: FastifyInstance | undefined;
  afterAll(async () => second?.close());
  it('fault additions spread over two service instances at once are all stored', { timeout: 60_000 }, async () => {
    second = await buildApp({
      config: { LOG_LEVEL: 'silent', BODY_LIMIT_BYTES: 1024 * 1024 },
      database: app().databaseLocation,
      logger: false,
    });
    const design = await createDesign(app(), checkoutExample);
    const answers = await addAtOnce(design.id, 20, {}, () => [app(), second!]);
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(201));
    const read = await getDesign(app(), design.id);
    expect(read.faults).toHaveLength(21);
    expect(read.version).toBe(21);
  });

  it('with If-Match, a stale version still gets 409 and only one of two writers wins', async () => {
    const design = await createDesign(app(), checkoutExample);
    const answers = await addAtOnce(design.id, 2, { 'if-match': '"1"' });
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    const refused = answers.find((a) => a.statusCode === 409)!;
    expect(problemOf(refused).code).toBe('DESIGN_VERSION_CONFLICT');
    expect((await getDesign(app(), design.id)).faults).toHaveLength(2);
  });

  it('concurrent edits of different components are all kept', async () => {
    const design = await createDesign(app(), checkoutExample);
    const answers = await Promise.all(
      ['api', 'db'].map((component) =>
        app().inject({
          method: 'PUT',
          url: `/api/designs/${design.id}/components/${component}/resilience`,
          payload: { resilience: [{ type: 'timeout', params: { timeoutMs: 111 } }], inbound: [] },
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    const read = await getDesign(app(), design.id);
    expect(
      read.components.filter((c) => c.resilience.some((p) => p.type === 'timeout' && p.params.timeoutMs === 111)),
    ).toHaveLength(2);
  });
});
