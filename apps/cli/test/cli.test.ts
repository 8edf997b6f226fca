import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { stringify as toYaml } from 'yaml';
import { runScenario } from '@faultline/runs';
import {
  brokenDesign,
  checkoutExample,
  DesignSchema,
  invalidDesignExamples,
  operationsExample,
  RunSettingsSchema,
} from '@faultline/schemas';

const BIN = fileURLToPath(new URL('../bin/faultline.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'faultline-cli-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** Runs the real command in its own process, as a CI job would. */
function faultline(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

const checkoutJson = file('checkout.json', JSON.stringify(checkoutExample, null, 2));
// The same design with SLO targets it meets: no outage, generous thresholds.
const healthy = file('healthy.yaml', toYaml({ ...checkoutExample, faults: [] }));

describe('faultline validate', () => {
  it('exits 0 for a valid design, JSON or YAML', async () => {
    expect(await faultline('validate', checkoutJson)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('valid (3 components'),
    });
    expect((await faultline('validate', healthy)).code).toBe(0);
  });

  it('exits 2 and prints every field error of an invalid design', async () => {
    const rule = (name: string) => invalidDesignExamples.find((e) => e.rule === name)!;
    const [first, second] = [rule('a connection source resolves'), rule('ids are unique across the design')];
    const design = brokenDesign(first!);
    second!.break(design);
    const { code, stderr } = await faultline('validate', file('broken.json', JSON.stringify(design)));
    expect(code).toBe(2);
    expect(stderr).toContain(`${first!.path}: `);
    expect(stderr).toContain(`${second!.path}: `);
  });

  it('exits 2 naming a file that cannot be read or parsed', async () => {
    expect(await faultline('validate', 'missing.json')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('missing.json: cannot be read (ENOENT)'),
    });
    expect(await faultline('validate', file('bad.json', '{"name": '))).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('is not valid JSON'),
    });
  });
});

describe('faultline run', () => {
  it('prints the same result the engine gives for the design, settings and seed', async () => {
    const { code, stdout } = await faultline('run', checkoutJson, '--seed', '4', '--duration', '40s', '--warmup', '5s');
    expect(code).toBe(0);
    const expected = runScenario(
      DesignSchema.parse(checkoutExample),
      RunSettingsSchema.parse({ durationMs: 40_000, warmupMs: 5_000, seed: 4 }),
    );
    expect(JSON.parse(stdout)).toEqual(expected);
  });

  it('with --fail-on-slo exits 1 when an SLO fails and says which, 0 when all hold', async () => {
    const failing = await faultline('run', checkoutJson, '--duration', '40s', '--fail-on-slo', '--out', 'result.json');
    expect(failing.code).toBe(1);
    // One line per failing target: measured, threshold and why.
    expect(failing.stderr).toMatch(
      /^SLO failed:\n {2}availability: measured \d+\.\d\d %, threshold at least 99\.00 %: below the threshold\n/,
    );
    expect(failing.stderr).toMatch(
      /\n {2}error rate: measured \d+\.\d\d %, threshold at most 1\.00 %: above the threshold\n/,
    );
    expect(JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')).result.slo.passed).toBe(false);
    const passing = await faultline('run', healthy, '--duration', '40s', '--fail-on-slo', '--out', 'healthy.json');
    expect(passing).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('writes CSV, Prometheus text and Markdown that their readers read back', async () => {
    await faultline(
      'run',
      checkoutJson,
      '--duration',
      '40s',
      '--scenario',
      'baseline-vs-chaos',
      '--format',
      'csv',
      '--out',
      'series.csv',
    );
    const rows: Record<string, string>[] = parseCsv(readFileSync(join(dir, 'series.csv'), 'utf8'), { columns: true });
    expect(new Set(rows.map((r) => r.variant))).toEqual(new Set(['baseline', 'chaos']));

    const prom = await faultline('run', checkoutJson, '--duration', '40s', '--format', 'prom');
    const families = parsePrometheusTextFormat(prom.stdout);
    expect(families.find((f) => f.name === 'chaos_availability_percent')!.metrics[0]!.labels).toEqual({
      run: 'local',
      design: 'checkout',
    });

    const md = await faultline('run', checkoutJson, '--duration', '40s', '--format', 'md');
    expect(md.stdout).toContain('**SLO FAILED**');
  });

  it('draws a progress bar on a terminal', async () => {
    // `script` gives the command a pseudo-terminal, as a person's shell would.
    const command = [process.execPath, BIN, 'run', checkoutJson, '--duration', '10m', '--out', 'tty.json'].join(' ');
    const { stdout } = await new Promise<{ stdout: string }>((resolve, reject) =>
      execFile('script', ['-qec', command, '/dev/null'], { cwd: dir }, (error, out) =>
        error ? reject(error) : resolve({ stdout: out }),
      ),
    );
    expect(stdout).toMatch(/\[#+-*\]\s+\d+ %\s+[\d,]+ events/);
    expect(stdout).toContain('SLO failed');
  });

  it('exits 2 on invalid options, naming the option', async () => {
    expect(await faultline('run', checkoutJson, '--duration', 'soon')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--duration: "soon" is not a duration'),
    });
    expect(await faultline('run', checkoutJson, '--duration', '5s', '--warmup', '10s')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--warmup: must be shorter than the run'),
    });
    expect(await faultline('run', checkoutJson, '--seed', 'x')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--seed:'),
    });
    expect(await faultline('run', checkoutJson, '--format', 'xml')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--format: must be one of json, csv, prom, md'),
    });
    expect(await faultline('run', checkoutJson, '--colour')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Unknown option '--colour'"),
    });
    expect(await faultline('frobnicate')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown command "frobnicate"'),
    });
  });
});

describe('faultline run with request classes', () => {
  // Two classes, browse and checkout; payments fail for 10 s, so the checkout class misses its
  // 99 % while the design-wide targets hold.
  const shop = file('shop.json', JSON.stringify(operationsExample));

  it('with --fail-on-slo exits 1 when only a class target fails, naming the class and each verdict', async () => {
    const { code, stderr } = await faultline('run', shop, '--duration', '40s', '--fail-on-slo', '--out', 'shop.out');
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^SLO failed:\n {2}Checkout \(request class\) availability: measured \d+\.\d\d %, threshold at least 99\.00 %: below the threshold\n/,
    );
    expect(stderr).toMatch(
      /\nRequest classes:\n {2}Browse: pass \(availability 100\.00 %, at least 99\.90 %; p99 latency [\d.]+ ms, at most 200 ms\)\n {2}Checkout: fail \(availability \d+\.\d\d %, at least 99\.00 %\)\n$/,
    );
  });

  it('with --fail-on-slo names the class a sweep breaks at', async () => {
    const sweep = ['--scenario', 'sweep', '--parameter', '/faults/0/schedule/probability', '--from', '0'];
    const { code, stderr } = await faultline(
      'run',
      shop,
      '--duration',
      '40s',
      ...sweep,
      '--to',
      '1',
      '--steps',
      '2',
      '--fail-on-slo',
      '--out',
      'shop-sweep.out',
    );
    expect(code).toBe(1);
    expect(stderr).toBe(
      'SLO failed:\n  step 1 (/faults/0/schedule/probability = 1): the breaking point, fails class Checkout: availability\n',
    );
  });

  it('exits 0 when every class holds its targets', async () => {
    const calm = file('shop-calm.json', JSON.stringify({ ...operationsExample, faults: [] }));
    expect(await faultline('run', calm, '--duration', '40s', '--fail-on-slo', '--out', 'calm.out')).toMatchObject({
      code: 0,
      stderr: '',
    });
  });
});

describe('faultline run --scenario defence-analysis', () => {
  it("gives the engine's defence analysis, and tells which defence helped in Markdown", async () => {
    const { code, stdout, stderr } = await faultline(
      'run',
      checkoutJson,
      '--duration',
      '30s',
      '--scenario',
      'defence-analysis',
    );
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const settings = { durationMs: 30_000, scenario: { kind: 'defence-analysis' } };
    const expected = runScenario(DesignSchema.parse(checkoutExample), RunSettingsSchema.parse(settings));
    expect(JSON.parse(stdout)).toEqual(expected);
    if (expected.scenario !== 'defence-analysis') throw new Error(expected.scenario);
    expect(expected.defences).toHaveLength(2);

    const md = await faultline(
      'run',
      checkoutJson,
      '--duration',
      '30s',
      '--scenario',
      'defence-analysis',
      '--format',
      'md',
    );
    expect(md.stdout).toContain('## Defences');
    expect(md.stdout).toContain(expected.defences[0]!.reason);
  });

  it('gives the same bytes on one thread as on several, and refuses a thread count that is none', async () => {
    const args = ['run', checkoutJson, '--duration', '20s', '--scenario', 'defence-analysis', '--replications', '2'];
    const [one, two] = await Promise.all([faultline(...args, '--workers', '1'), faultline(...args, '--workers', '2')]);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(await faultline(...args, '--workers', '0')).toMatchObject({
      code: 2,
      stderr: 'faultline: --workers: must be a whole number from 1 to 256\n',
    });
  });

  it('prints the launch warnings before running: a fault the run will never see', async () => {
    const { code, stderr } = await faultline('run', checkoutJson, '--duration', '15s', '--out', 'short.json');
    expect(code).toBe(0);
    expect(stderr).toBe(
      'warning: "Database brief outage" starts at 20 s, after the run ends at 15 s: it will never be active.\n',
    );
  });

  it('with --fail-on-slo names a target that failed for a reason beyond its figure', async () => {
    // The outage runs to the end: MTTR has no figure to fail on, the reason says why it failed.
    const endless = file(
      'endless.json',
      JSON.stringify({
        ...checkoutExample,
        faults: [{ ...checkoutExample.faults![0]!, schedule: { startMs: 20_000, durationMs: null } }],
      }),
    );
    const { code, stderr } = await faultline(
      'run',
      endless,
      '--duration',
      '30s',
      '--scenario',
      'defence-analysis',
      '--fail-on-slo',
      '--out',
      'endless.json.out',
    );
    expect(code).toBe(1);
    expect(stderr).toContain(
      '\n  MTTR: nothing measured, threshold at most 30.0 s: "Database brief outage" did not recover: still active at the end of the run\n',
    );
  });

  it('exits 2 on sweep options or an unknown scenario', async () => {
    expect(await faultline('run', checkoutJson, '--scenario', 'defence-analysis', '--steps', '3')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--steps: only with --scenario sweep'),
    });
    expect(await faultline('run', checkoutJson, '--scenario', 'defences')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        '--scenario: must be one of "single", "baseline-vs-chaos", "sweep", "defence-analysis"',
      ),
    });
  });
});

describe('faultline run --scenario sweep', () => {
  // The checkout design with its outage replaced by errors on the API, at a probability the
  // sweep steps through.
  const errorsOnApi = (window: { startMs: number; durationMs: number | null }) => ({
    ...checkoutExample,
    faults: [
      {
        id: 'api-errors',
        name: 'API errors',
        type: 'error',
        target: { component: 'api' },
        schedule: { ...window, probability: 0 },
        params: { errorTypes: ['internal-error'] },
      },
    ],
  });
  const tenSeconds = { startMs: 5000, durationMs: 10_000 };
  const windowed = file('api-errors.json', JSON.stringify(errorsOnApi(tenSeconds)));
  const sweep = [
    '--scenario',
    'sweep',
    '--parameter',
    '/faults/0/schedule/probability',
    '--from',
    '0',
    '--to',
    '1',
    '--steps',
    '3',
  ];

  it("gives the engine's sweep and, with --fail-on-slo, exits 1 naming the steps that failed", async () => {
    const { code, stdout, stderr } = await faultline('run', windowed, '--duration', '30s', ...sweep, '--fail-on-slo');
    const settings = {
      durationMs: 30_000,
      scenario: { kind: 'sweep', parameter: '/faults/0/schedule/probability', from: 0, to: 1, steps: 3 },
    };
    expect(JSON.parse(stdout)).toEqual(
      runScenario(DesignSchema.parse(errorsOnApi(tenSeconds)), RunSettingsSchema.parse(settings)),
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^SLO failed:\n {2}step 1 \(\/faults\/0\/schedule\/probability = 0\.5\): the breaking point, fails availability, error rate.*\n {2}step 2 \(\/faults\/0\/schedule\/probability = 1\)\n$/,
    );
  });

  it('shows the collapse point in Markdown', async () => {
    const whole = file('api-errors-whole-run.json', JSON.stringify(errorsOnApi({ startMs: 0, durationMs: null })));
    const { code, stdout } = await faultline('run', whole, '--duration', '30s', ...sweep, '--format', 'md');
    expect(code).toBe(0);
    expect(stdout).toContain('**Collapse** at step 2: `/faults/0/schedule/probability` = 1');
  });

  it('exits 2 naming the option when the sweep cannot run', async () => {
    const run = (...args: string[]) => faultline('run', windowed, '--duration', '30s', ...args);
    expect(await run('--scenario', 'sweep', '--parameter', '/faults/0/schedule/probability')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        '--from: required with --scenario sweep\n--to: required with --scenario sweep\n--steps: required with --scenario sweep',
      ),
    });
    expect(await run(...sweep.slice(0, 3), '/faults/0/nowhere', ...sweep.slice(4))).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--parameter: /faults/0/nowhere is not in the design'),
    });
    expect(await run(...sweep.slice(0, 7), '2', ...sweep.slice(8))).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--to: /faults/0/schedule/probability = 2 makes the design invalid'),
    });
    expect(await run(...sweep.slice(0, 9), '1')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--steps: must be at least 2'),
    });
    expect(await run('--steps', '3')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--steps: only with --scenario sweep'),
    });
  });
});
