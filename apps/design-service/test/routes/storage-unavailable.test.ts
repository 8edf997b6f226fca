import { describe, expect, it } from 'vitest';
import { checkoutExample } from '@faultline/schemas';
import { createDesign, getDesign, problemOf, provider, useAppAndDatabase } from '../helper.ts';

describe(`a read-only database, on ${provider}`, () => {
  const { app, database } = useAppAndDatabase();
  const readOnly = (on: boolean) => database().setReadOnly(on, app().db);

  it(
    'writes answer 503 saying storage is unavailable, reads go on, and health says what is wrong',
    { timeout: 30_000 },
    async () => {
      const design = await createDesign(app(), checkoutExample);
      await readOnly(true);
      try {
        const writes = [
          await app().inject({ method: 'POST', url: '/api/designs', payload: checkoutExample }),
          await app().inject({
            method: 'POST',
            url: `/api/designs/${design.id}/faults`,
            payload: { ...checkoutExample.faults![0]!, id: 'again' },
          }),
          await app().inject({
            method: 'PUT',
            url: `/api/designs/${design.id}`,
            payload: { ...checkoutExample, version: 1 },
          }),
          await app().inject({ method: 'DELETE', url: `/api/designs/${design.id}` }),
        ];
        for (const write of writes) {
          expect(write.statusCode).toBe(503);
          expect(problemOf(write)).toMatchObject({
            code: 'STORAGE_UNAVAILABLE',
            detail: expect.stringMatching(/^Storage is unavailable: the database is read-only/),
          });
        }
        expect((await app().inject({ method: 'GET', url: `/api/designs/${design.id}` })).statusCode).toBe(200);

        const health = await app().inject({ method: 'GET', url: '/health' });
        expect(health.statusCode).toBe(503);
        expect(health.json()).toEqual({
          status: 'unavailable',
          database: provider,
          problem: 'Storage is unavailable: the database is read-only',
        });
      } finally {
        await readOnly(false);
      }
      expect((await app().inject({ method: 'GET', url: '/health' })).json()).toEqual({
        status: 'ok',
        database: provider,
      });
      expect((await app().inject({ method: 'DELETE', url: `/api/designs/${design.id}` })).statusCode).toBe(204);
      expect((await app().inject({ method: 'GET', url: `/api/designs/${design.id}` })).statusCode).toBe(404);
      void getDesign;
    },
  );
});
