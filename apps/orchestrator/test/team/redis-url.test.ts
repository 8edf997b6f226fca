import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { provider } from '../helper.ts';

const SERVER = fileURLToPath(new URL('../../src/server.ts', import.meta.url));
const CLI = fileURLToPath(new URL('../../../cli/bin/faultline.mjs', import.meta.url));

function exitOf(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { env: { ...process.env, LOG_LEVEL: 'warn', PORT: '0', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, output: stdout + stderr }),
    );
  });
}

const WRONG = [
  ['a malformed URL', 'redis//127.0.0.1:6379', /REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/],
  ['another scheme', 'http://127.0.0.1:6379', /REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/],
  [
    'a port nobody listens on',
    'redis://:secret@127.0.0.1:1',
    /REDIS_URL: no Redis answers at redis:\/\/:\*\*\*@127\.0\.0\.1:1 \(connect ECONNREFUSED/,
  ],
] as const;

// Configuration, not storage: checked once, whichever database the suite runs on.
describe.runIf(provider === 'sqlite')('a wrong REDIS_URL stops the start naming the variable', () => {
  it.concurrent.each(WRONG)('the orchestrator, for %s', { timeout: 90_000 }, async (_, url, said) => {
    const { code, output } = await exitOf(['--import', 'tsx', SERVER], { REDIS_URL: url });
    expect(code).toBe(1);
    expect(output).toMatch(said);
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toContain('secret');
  });

  it.concurrent.each(WRONG)('faultline worker, for %s', { timeout: 90_000 }, async (_, url, said) => {
    const { code, output } = await exitOf([CLI, 'worker'], { REDIS_URL: url });
    expect(code).toBe(2);
    expect(output).toMatch(said);
    expect(output).not.toMatch(/^\s+at /m);
  });

  it('faultline worker without REDIS_URL', { timeout: 90_000 }, async () => {
    const { code, output } = await exitOf([CLI, 'worker'], { REDIS_URL: '' });
    expect(code).toBe(2);
    expect(output).toMatch(/REDIS_URL/);
  });
});
