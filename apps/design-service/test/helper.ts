import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createScratchDatabase, type Provider, type ScratchDatabase } from '@faultline/db';
import type { DesignInput, StoredDesign } from '@faultline/schemas';
import { buildApp } from '../src/app.ts';

/** Which database this run of the suite uses: vitest runs the suite once per provider. */
export const provider = (process.env.TEST_DATABASE_PROVIDER ?? 'sqlite') as Provider;

/** A design service on a fresh, migrated database of its own, for one test file. */
export function useApp(options: { bodyLimit?: number } = {}): () => FastifyInstance {
  return useAppAndDatabase(options).app;
}

/** The same, with the throw-away database at hand (to make it read-only, say). */
export function useAppAndDatabase(options: { bodyLimit?: number } = {}): {
  app: () => FastifyInstance;
  database: () => ScratchDatabase;
} {
  let app: FastifyInstance;
  let scratch: ScratchDatabase;
  beforeAll(async () => {
    scratch = await createScratchDatabase(provider);
    app = await buildApp({
      config: { LOG_LEVEL: 'silent', BODY_LIMIT_BYTES: options.bodyLimit ?? 1024 * 1024 },
      database: scratch.location,
      logger: false,
    });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await scratch?.drop();
  });
  return { app: () => app, database: () => scratch };
}

export async function createDesign(app: FastifyInstance, design: DesignInput): Promise<StoredDesign> {
  const response = await app.inject({ method: 'POST', url: '/api/designs', payload: design });
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.statusCode} ${response.body}`);
  return response.json();
}

export async function getDesign(app: FastifyInstance, id: string): Promise<StoredDesign> {
  return (await app.inject({ method: 'GET', url: `/api/designs/${id}` })).json();
}

export async function listedIds(app: FastifyInstance): Promise<string[]> {
  const page = (await app.inject({ method: 'GET', url: '/api/designs?pageSize=100' })).json();
  return page.items.map((d: { id: string }) => d.id).sort();
}

/** The problem+json body of a refused request, after checking it is one. */
export function problemOf(response: LightMyRequestResponse) {
  if (!String(response.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(`expected application/problem+json, got ${response.headers['content-type']}: ${response.body}`);
  }
  return response.json() as {
    status: number;
    code: string;
    detail?: string;
    errors?: { path: string; message: string }[];
  };
}
