import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Wrong DATABASE_URL values stop the start with a line naming the variable, never a stack trace,
// whether the service is started on its own or by the gateway (`pnpm start`).
const WRONG_URLS = [
  ['an unknown scheme', 'mysql://root@localhost/faultline'],
  ['no scheme at all', 'faultline.db'],
  ['a malformed URL', 'postgresql://postgres:secret@[::1/faultline'],
  ['no host', 'postgresql://postgres:secret@/faultline'],
  ['a port nobody listens on', 'postgresql://postgres:secret@127.0.0.1:1/faultline'],
  ['a host that does not exist', 'postgresql://postgres:secret@no-such-host.invalid:5432/faultline'],
  ['a database that does not exist', 'postgresql://postgres:secret@127.0.0.1:5432/no_such_database_here'],
  ['a SQLite path under a file', 'file:/dev/null/faultline.db'],
] as const;

const entry = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const ENTRIES = {
  'design service': entry('../../design-service/src/server.ts'),
  orchestrator: entry('../../orchestrator/src/server.ts'),
  gateway: entry('../src/server.ts'),
};

let nextPort = 8360;

// Three starts at a time: each compiles its TypeScript, and the machine has two cores.
let running = 0;
const waiting: (() => void)[] = [];
async function turn(): Promise<() => void> {
  while (running >= 3) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

async function start(
  which: keyof typeof ENTRIES,
  databaseUrl: string,
): Promise<{ code: number | null; output: string }> {
  const done = await turn();
  try {
    return await startNow(which, databaseUrl);
  } finally {
    done();
  }
}

function startNow(which: keyof typeof ENTRIES, databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRIES[which]], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        HOST: '127.0.0.1',
        PORT: String(nextPort++),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('a wrong DATABASE_URL', () => {
  // Started by the gateway, the design service fails first with the same line; six values there.
  describe.each([
    ['design service', WRONG_URLS],
    ['gateway', WRONG_URLS.slice(0, 6)],
  ] as const)('started as the %s', (which, urls) => {
    it.concurrent.each(urls)(
      '%s stops the start naming DATABASE_URL, without a stack trace',
      { timeout: 300_000 },
      async (_, url) => {
        const { code, output } = await start(which, url);
        expect(code).not.toBe(0);
        expect(code).not.toBeNull();
        expect(output).toContain('DATABASE_URL');
        expect(output).not.toMatch(/^\s+at /m);
        expect(output).not.toContain('secret');
      },
    );
  });

  it('the orchestrator says the same', { timeout: 300_000 }, async () => {
    const { code, output } = await start('orchestrator', 'postgresql://postgres:secret@127.0.0.1:1/faultline');
    expect(code).toBe(1);
    expect(output).toMatch(
      /^The orchestrator could not start: DATABASE_URL \(postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/faultline\) cannot be used: connect ECONNREFUSED/m,
    );
    expect(output).not.toMatch(/^\s+at /m);
  });
});
