import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '@faultline/db';
import { checkoutExample } from '@faultline/schemas';
import { isAlive, processTree, startWholeApp, type WholeApp } from './whole-app.ts';

const UPSTREAM_TIMEOUT_MS = 3_000;

async function timed(url: string, init?: RequestInit): Promise<{ response: Response; body: string; ms: number }> {
  const started = Date.now();
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(20_000) });
  const body = await response.text();
  return { response, body, ms: Date.now() - started };
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await check().catch(() => false))) {
    if (Date.now() - started > timeoutMs) throw new Error(`not so after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - started;
}

// The application as `pnpm start` runs it: the gateway, its two child services, one database.
describe('the whole application in its processes', () => {
  let scratch: ScratchDatabase;
  let app: WholeApp;

  beforeAll(async () => {
    scratch = await createScratchDatabase('sqlite');
    app = await startWholeApp({
      DATABASE_URL: scratch.location.url,
      LOG_LEVEL: 'info',
      UPSTREAM_TIMEOUT_MS: String(UPSTREAM_TIMEOUT_MS),
      WORKERS: '1',
    });
  }, 90_000);

  afterAll(async () => {
    for (const { pid } of app ? processTree(app.shell.pid!) : []) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    await scratch?.drop();
  });

  it('logs one line per request at info, in the gateway and in the service it reaches', async () => {
    const { gateway, designService } = app.pids();
    const before = app.logLines().length;
    for (let i = 0; i < 3; i++) {
      expect((await timed(`${app.url}/api/designs`)).response.status).toBe(200);
      const created = await timed(`${app.url}/api/designs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(checkoutExample),
      });
      expect(created.response.status).toBe(201);
    }
    await new Promise((r) => setTimeout(r, 500)); // the children's lines come through pipes
    const lines = app.logLines().slice(before);
    const infoOf = (pid: number) => lines.filter((l) => l.pid === pid && (l.level as number) >= 30);
    expect(infoOf(gateway).map((l) => [l.method, l.url, l.status])).toEqual(
      [0, 1, 2].flatMap(() => [
        ['GET', '/api/designs', 200],
        ['POST', '/api/designs', 201],
      ]),
    );
    expect(infoOf(designService)).toHaveLength(6);
  });

  it('answers within seconds while a service is paused: /health 503 and design requests 504, naming no address', async () => {
    const { designService } = app.pids();
    process.kill(designService, 'SIGSTOP');
    try {
      const health = await timed(`${app.url}/health`);
      expect(health.ms).toBeLessThan(4_000);
      expect(health.response.status).toBe(503);
      expect(JSON.parse(health.body)).toMatchObject({ status: 'degraded', services: { orchestrator: 'ok' } });

      const designs = await timed(`${app.url}/api/designs`);
      expect(designs.ms).toBeLessThan(UPSTREAM_TIMEOUT_MS + 3_000);
      expect(designs.response.status).toBe(504);
      expect(designs.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(designs.body)).toMatchObject({ code: 'SERVICE_TIMEOUT' });
      expect(designs.body).not.toMatch(/127\.0\.0\.1|localhost|:\d{4,5}/);
    } finally {
      process.kill(designService, 'SIGCONT');
    }
  });

  it('restarts a service that dies while the other goes on serving', async () => {
    const { orchestrator } = app.pids();
    process.kill(orchestrator, 'SIGKILL');
    await until(async () => !isAlive(orchestrator), 5_000);

    // The design service goes on; the gateway says what is missing, without an internal address.
    expect((await timed(`${app.url}/api/designs`)).response.status).toBe(200);
    const health = await timed(`${app.url}/health`);
    expect(health.response.status).toBe(503);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'degraded', services: { design: 'ok' } });
    const runs = await timed(`${app.url}/api/runs`);
    expect(runs.response.status).toBe(503);
    expect(JSON.parse(runs.body)).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(runs.body).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);

    // Back within seconds, under a new process, at the same address.
    const back = await until(async () => (await fetch(`${app.url}/health`)).status === 200, 40_000).catch(
      (error: Error) => {
        console.log(app.logLines().filter((l) => (l.level as number) >= 40 || /restart/.test(String(l.msg))));
        throw error;
      },
    );
    console.log(`restarted after ${back} ms`);
    expect(app.pids().orchestrator).not.toBe(orchestrator);
    expect(app.pids().orchestrator).toBeGreaterThan(0);
    expect((await timed(`${app.url}/api/runs`)).response.status).toBe(200);
  }, 60_000);

  it('stops everything within 10 s of SIGTERM to the start command', async () => {
    const all = processTree(app.shell.pid!).map((p) => p.pid);
    expect(all.length).toBeGreaterThanOrEqual(3);
    app.shell.kill('SIGTERM'); // what pnpm does to its script's shell when it is sent SIGTERM
    const took = await until(async () => all.every((pid) => !isAlive(pid)), 12_000);
    expect(took).toBeLessThan(10_000);
  }, 20_000);
});
