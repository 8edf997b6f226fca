import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { DatabaseLocation } from '@faultline/db';
import { buildApp } from '../../src/app.ts';
import { testConfig } from '../helper.ts';

/** The local Redis the suite starts when it is not running (scripts/test.mjs), or TEST_REDIS_URL. */
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Short locks, so a killed worker's part runs again within seconds rather than half a minute. */
export const PART_LOCK_MS = 1_500;

const CLI = new URL('../../../cli/bin/faultline.mjs', import.meta.url);

/** A queue prefix of the test's own: tests and their leftovers never meet on the shared Redis. */
export const freshPrefix = () => `t${randomUUID().slice(0, 8)}`;

/** A `faultline worker` process with one thread, started as a user would, ready once it says so. */
export async function startWorker(prefix: string, lockMs = PART_LOCK_MS): Promise<ChildProcess> {
  const child = spawn(process.execPath, [CLI.pathname, 'worker'], {
    env: { ...process.env, REDIS_URL, QUEUE_PREFIX: prefix, WORKERS: '1', PART_LOCK_MS: String(lockMs) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      if (out.includes('threads taking parts')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`faultline worker exited with ${code}: ${out}`)));
  });
  return child;
}

export function stopWorker(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  return exited;
}

/** An orchestrator of a team deployment: runs go to Redis, and it simulates no part itself. */
export function teamOrchestrator(
  database: DatabaseLocation,
  designServiceUrl: string,
  prefix: string,
  overrides: Parameters<typeof testConfig>[0] = {},
): Promise<FastifyInstance> {
  return buildApp({
    config: testConfig({
      DESIGN_SERVICE_URL: designServiceUrl,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      WORKERS: 0,
      PART_LOCK_MS,
      ...overrides,
    }),
    database,
    logger: false,
    progressIntervalMs: 50,
    reconcileIntervalMs: 300,
  });
}
