import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkRunWork, DEFAULT_RUN_LIMITS } from '@faultline/runs';
import { stringify as toYaml } from 'yaml';
import {
  checkoutExample,
  DesignSchema,
  everythingExample,
  RunSettingsSchema,
  type DesignInput,
} from '@faultline/schemas';

// Every mistake in what the command is given ends with exit 2 and a sentence that names it: never
// a stack trace (exit 70), never a hang, never a run the orchestrator would have refused.

const BIN = fileURLToPath(new URL('../bin/faultline.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'faultline-cli-input-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const designFile = (name: string, edit: (d: DesignInput) => void) => {
  const design: DesignInput = structuredClone(checkoutExample);
  edit(design);
  return file(name, JSON.stringify(design));
};

/**
 * The real command in its own process, stopped after 45 s (well past its start-up on a loaded
 * machine): a command that hangs ends without an exit code and fails the test.
 */
function faultline(...args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, timeout: 45_000 }, (error, _stdout, stderr) =>
      resolve({
        code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
        stderr,
      }),
    );
  });
}

const invalidInput = (stderr: string) => ({ code: 2, stderr: expect.stringContaining(stderr) });
const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);

describe('faultline: files that are not design files', () => {
  it('refuses a device such as /dev/zero at once instead of reading it for ever', async () => {
    const result = await faultline('validate', '/dev/zero');
    expect(result).toMatchObject(invalidInput('/dev/zero: is not a regular file'));
  });

  it('refuses a pipe without waiting for a writer', async () => {
    const fifo = join(dir, 'design.fifo');
    execFileSync('mkfifo', [fifo]);
    expect(await faultline('validate', fifo)).toMatchObject(invalidInput(`${fifo}: is not a regular file`));
  });

  it('refuses a directory', async () => {
    expect(await faultline('run', dir)).toMatchObject(invalidInput(`${dir}: is a directory, not a design file`));
  });

  it('refuses YAML nested a million levels deep before parsing it, and reads a real export', async () => {
    const deep = file('deep.yaml', '['.repeat(1_000_000));
    const result = await faultline('validate', deep);
    expect(result).toMatchObject(invalidInput(`${deep}: is not valid YAML: nested deeper than 128 levels`));
    const everything = file('everything.yaml', toYaml(everythingExample, { indent: 4 }));
    expect(await faultline('validate', everything)).toMatchObject({ code: 0 });
  });

  it('refuses a file over 16 MiB without reading it', async () => {
    const huge = file('huge.json', '');
    truncateSync(huge, 16 * 1024 * 1024 + 1);
    expect(await faultline('validate', huge)).toMatchObject(
      invalidInput(`${huge}: is larger than 16777216 bytes, the limit for a design file`),
    );
  });
});

describe('faultline run: what the orchestrator would refuse', () => {
  it('refuses a rate of 1e308 with the refusal the orchestrator gives, in the same words', async () => {
    const edit = (d: DesignInput) =>
      (d.workload = { entry: 'users', arrival: { kind: 'poisson', ratePerSecond: 1e308 } });
    const { code, stderr } = await faultline('run', designFile('flood.json', edit));
    const design = DesignSchema.parse(JSON.parse(readFileSync(join(dir, 'flood.json'), 'utf8')));
    const refusal = checkRunWork(design, RunSettingsSchema.parse({ durationMs: 60_000 }), DEFAULT_RUN_LIMITS)!;
    expect(code).toBe(2);
    expect(stderr).toContain(refusal.detail);
    expect(stderr).toContain(`  /workload/arrival/ratePerSecond: ${refusal.errors[0]!.message}`);
    noStack(stderr);
  });

  it('refuses a spike of the load profile past the event limit, naming the spike', async () => {
    const edit = (d: DesignInput) =>
      (d.workload = { ...d.workload!, profile: [{ kind: 'spike', atMs: 1_000, durationMs: 1, multiplier: 1e9 }] });
    const { code, stderr } = await faultline('run', designFile('spike.json', edit));
    expect(code).toBe(2);
    expect(stderr).toMatch(/ {2}\/workload\/profile\/0\/multiplier: multiplies the rate to a peak of 200000000000/);
  });

  it('names the option that multiplies a run past the limit', async () => {
    // 200 requests/s for 23 h visiting 3 components: 49.7 M events; 100 replications: 4.97 G.
    const { code, stderr } = await faultline(
      'run',
      file('checkout.json', JSON.stringify(checkoutExample)),
      '--duration',
      '23h',
      '--replications',
      '100',
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      '  --replications: 49680000 events per simulation times 100: over the limit of 1000000000 events per run',
    );
  });

  it('refuses a breaker window of 10^12 calls with its bound instead of a RangeError', async () => {
    const edit = (d: DesignInput) =>
      d.components[1]!.resilience!.push({
        type: 'circuit-breaker',
        params: { slidingWindow: { type: 'count', size: 1e12 } },
      });
    const { code, stderr } = await faultline('run', designFile('window.json', edit));
    expect(code).toBe(2);
    expect(stderr).toContain(
      '/components/1/resilience/2/params/slidingWindow/size: must be at most 100000 calls for a count window',
    );
    noStack(stderr);
  });

  it('refuses a sweep pointer that leaves the design, naming --parameter', async () => {
    const checkout = file('sweep.json', JSON.stringify(checkoutExample));
    for (const pointer of ['/components/__proto__/length', '/faults/length']) {
      const sweep = ['--scenario', 'sweep', '--parameter', pointer, '--from', '1', '--to', '5', '--steps', '3'];
      expect(await faultline('run', checkout, ...sweep)).toMatchObject(
        invalidInput(`--parameter: ${pointer} is not in the design`),
      );
    }
  });
});

describe('faultline run --out', () => {
  it('refuses a directory before running, and writes nothing', async () => {
    const out = join(dir, 'reports');
    mkdirSync(out);
    const result = await faultline('run', file('small.json', JSON.stringify(checkoutExample)), '--out', out);
    expect(result).toMatchObject(invalidInput(`--out: ${out} is a directory`));
    noStack(result.stderr);
  });

  it('refuses a path whose folder does not exist', async () => {
    const out = join(dir, 'nowhere', 'report.json');
    expect(await faultline('run', file('small2.json', JSON.stringify(checkoutExample)), '--out', out)).toMatchObject(
      invalidInput(`--out: ${out} cannot be written (ENOENT)`),
    );
  });
});
