// `pnpm bench:runs`: how a run's wall time falls with the number of `faultline worker` processes.
// The whole team deployment runs for real on this machine: the design service and an
// orchestrator (which simulates nothing itself) on the local PostgreSQL, runs on the local Redis,
// and 1, 2 and 4 worker processes of one thread each. Each time, a 12-step sweep of a reference
// design is launched over HTTP and timed from launch to its stored result. BENCH_PARTS=1 also
// prints where and when each part ran (ms from the launch).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { createScratchDatabase } from '@faultline/db';
import { startService } from '@faultline/service-kit';
import { checkoutExample, type Run, type RunSettingsInput } from '@faultline/schemas';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const CLI = new URL('../../cli/bin/faultline.mjs', import.meta.url).pathname;
const WORKER_COUNTS = [1, 2, 4];
/** What the issue asks of two workers on a two-core machine. */
const REQUIRED_SPEEDUP_AT_2 = 1.7;

/** The checkout reference design at 6,000 requests per second: each step is a few seconds of work. */
const design = {
  ...checkoutExample,
  name: 'Checkout at 6,000 rps (bench:runs)',
  workload: { ...checkoutExample.workload!, arrival: { kind: 'poisson' as const, ratePerSecond: 6_000 } },
};
const sweep: RunSettingsInput = {
  durationMs: 240_000,
  warmupMs: 0,
  seed: 7,
  scenario: { kind: 'sweep', parameter: '/faults/0/schedule/durationMs', from: 20_000, to: 240_000, steps: 12 },
};

async function startWorker(prefix: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [CLI, 'worker'], {
    env: { ...process.env, REDIS_URL, QUEUE_PREFIX: prefix, WORKERS: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('threads taking parts') && resolve());
    child.once('exit', (code) => reject(new Error(`faultline worker exited with ${code}`)));
  });
  return child;
}

async function json<T>(response: Promise<Response>): Promise<T> {
  const answer = await response;
  if (!answer.ok) throw new Error(`${answer.status} ${await answer.text()}`);
  return (await answer.json()) as T;
}

async function timedRun(orchestrator: string, designId: string): Promise<{ seconds: number; body: string }> {
  const started = performance.now();
  const run = await json<Run>(
    fetch(`${orchestrator}/api/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ designId, settings: sweep }),
    }),
  );
  for (;;) {
    if (performance.now() - started > 300_000) throw new Error(`run ${run.id} did not end within 5 minutes`);
    const now = await json<Run>(fetch(`${orchestrator}/api/runs/${run.id}`));
    if (now.status === 'succeeded') break;
    if (now.status !== 'queued' && now.status !== 'running') throw new Error(`run ${now.status}: ${now.error}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - started) / 1000;
  if (process.env.BENCH_PARTS) {
    const done = await json<Run>(fetch(`${orchestrator}/api/runs/${run.id}`));
    const t0 = Date.parse(done.createdAt);
    for (const p of done.parts)
      console.log(p.index, p.worker, Date.parse(p.startedAt!) - t0, Date.parse(p.finishedAt!) - t0);
    console.log('started', Date.parse(done.startedAt!) - t0, 'finished', Date.parse(done.finishedAt!) - t0);
  }
  return { seconds, body: await (await fetch(`${orchestrator}/api/runs/${run.id}/result`)).text() };
}

const database = await createScratchDatabase('postgresql');
const services = [];
try {
  const env = { ...process.env, DATABASE_URL: database.location.url, LOG_LEVEL: 'warn' };
  const designs = await startService(
    'design service',
    new URL('../../design-service/src/server.ts', import.meta.url),
    env,
  );
  services.push(designs);
  const { id: designId } = await json<{ id: string }>(
    fetch(`${designs.url}/api/designs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(design),
    }),
  );
  console.log(
    `bench:runs on ${availableParallelism()} cores: a 12-step sweep of "${design.name}", 240 s simulated per step`,
  );
  console.log('workers  wall time  speedup  same bytes');
  const results: { workers: number; seconds: number }[] = [];
  let firstBody: string | null = null;
  for (const workers of WORKER_COUNTS) {
    // A prefix of its own each time: no worker of the previous count lingers on the queue.
    const prefix = `bench${randomUUID().slice(0, 8)}`;
    const orchestrator = await startService('orchestrator', new URL('../src/server.ts', import.meta.url), {
      ...env,
      DESIGN_SERVICE_URL: designs.url,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      WORKERS: '0',
    });
    const children = await Promise.all(Array.from({ length: workers }, () => startWorker(prefix)));
    try {
      const { seconds, body } = await timedRun(orchestrator.url, designId);
      firstBody ??= body;
      results.push({ workers, seconds });
      const speedup = results[0]!.seconds / seconds;
      console.log(
        `${String(workers).padStart(7)}  ${seconds.toFixed(1).padStart(8)} s  ${speedup.toFixed(2).padStart(6)}×  ${body === firstBody ? 'yes' : 'NO'}`,
      );
      if (body !== firstBody) process.exitCode = 1;
    } finally {
      for (const child of children) child.kill('SIGTERM');
      await orchestrator.stop();
    }
  }
  const atTwo = results[0]!.seconds / results.find((r) => r.workers === 2)!.seconds;
  const verdict = atTwo >= REQUIRED_SPEEDUP_AT_2 ? 'meets' : 'MISSES';
  console.log(`2 workers: ${atTwo.toFixed(2)}× the speed of 1, ${verdict} the ${REQUIRED_SPEEDUP_AT_2}× required`);
  if (atTwo < REQUIRED_SPEEDUP_AT_2) process.exitCode = 1;
} finally {
  for (const service of services) await service.stop();
  await database.drop();
}
