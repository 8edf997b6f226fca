import { closeSync, openSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import {
  checkRunDuration,
  checkRunWork,
  checkSweep,
  DEFAULT_RUN_LIMITS,
  exportRun,
  sloPassed,
  type RunLimitRefusal,
} from '@faultline/runs';
import { runOnThreads } from '@faultline/workers';
import { ExportFormatSchema, RunSettingsSchema, launchWarnings, type FieldIssue } from '@faultline/schemas';
import { CliError, EXIT } from '../cli-error.ts';
import { designLabel, formatIssues, readDesignFile } from '../design-file.ts';
import { parseDuration } from '../durations.ts';
import { progressBar } from '../progress-bar.ts';
import { classVerdicts, sloFailures } from '../slo-report.ts';

export interface RunOptions {
  seed?: string;
  duration?: string;
  warmup?: string;
  replications?: string;
  scenario?: string;
  parameter?: string;
  from?: string;
  to?: string;
  steps?: string;
  format?: string;
  out?: string;
  workers?: string;
  'fail-on-slo'?: boolean;
}

/** Which option each settings field comes from, to name it in errors. */
const OPTION_OF: Record<string, string> = {
  '/durationMs': '--duration',
  '/warmupMs': '--warmup',
  '/seed': '--seed',
  '/replications': '--replications',
  '/scenario/kind': '--scenario',
  '/scenario': '--scenario',
  '/scenario/parameter': '--parameter',
  '/scenario/from': '--from',
  '/scenario/to': '--to',
  '/scenario/steps': '--steps',
};

const SWEEP_OPTIONS = ['parameter', 'from', 'to', 'steps'] as const;

const integer = (text: string | undefined) =>
  text === undefined ? undefined : /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
// Number('') is 0: an empty option is no number.
const decimal = (text: string | undefined) =>
  text === undefined ? undefined : text.trim() === '' ? Number.NaN : Number(text);

/** The scenario the options describe; the sweep's own options belong to a sweep alone. */
function scenarioFrom(options: RunOptions) {
  const kind = options.scenario ?? 'single';
  if (kind !== 'sweep') {
    const stray = SWEEP_OPTIONS.find((name) => options[name] !== undefined);
    if (stray) throw new CliError(`--${stray}: only with --scenario sweep`);
    return { kind };
  }
  const missing = SWEEP_OPTIONS.filter((name) => options[name] === undefined);
  if (missing.length > 0)
    throw new CliError(missing.map((name) => `--${name}: required with --scenario sweep`).join('\n'));
  return {
    kind,
    parameter: options.parameter,
    from: decimal(options.from),
    to: decimal(options.to),
    steps: integer(options.steps),
  };
}

function settingsFrom(options: RunOptions) {
  const parsed = RunSettingsSchema.safeParse({
    durationMs: parseDuration(options.duration ?? '60s', '--duration'),
    warmupMs: options.warmup === undefined ? undefined : parseDuration(options.warmup, '--warmup'),
    seed: integer(options.seed),
    replications: integer(options.replications),
    scenario: scenarioFrom(options),
  });
  if (parsed.success) return parsed.data;
  throw optionErrors(
    parsed.error.issues.map((issue) => ({ path: `/${issue.path.join('/')}`, message: issue.message })),
  );
}

function optionErrors(issues: FieldIssue[]): CliError {
  return new CliError(issues.map((issue) => `${OPTION_OF[issue.path] ?? issue.path}: ${issue.message}`).join('\n'));
}

/** The orchestrator's refusal in its own words, a settings field named by its option. */
function limitError(refusal: RunLimitRefusal): CliError {
  const lines = refusal.errors.map(({ path, message }) => {
    const option = path.startsWith('/settings/') ? OPTION_OF[path.slice('/settings'.length)] : undefined;
    return `  ${option ?? path}: ${message}`;
  });
  return new CliError([refusal.detail, ...lines].join('\n'));
}

/** Opens --out before the run, so a path that cannot be written is said at once, not after it. */
function openOut(path: string): number {
  try {
    return openSync(path, 'w');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'EISDIR' ? `--out: ${path} is a directory` : `--out: ${path} cannot be written (${code ?? error})`,
    );
  }
}

/**
 * `faultline run <design>`: simulates on this machine with the same engine and scenarios as the
 * orchestrator, writes the result in the chosen format, and with --fail-on-slo exits 1 when an
 * SLO failed.
 */
export async function run(
  path: string,
  options: RunOptions,
  out: NodeJS.WriteStream,
  err: NodeJS.WriteStream,
): Promise<number> {
  const format = ExportFormatSchema.safeParse(options.format ?? 'json');
  if (!format.success) throw new CliError(`--format: must be one of ${ExportFormatSchema.options.join(', ')}`);
  const settings = settingsFrom(options);
  const workers = options.workers === undefined ? availableParallelism() : integer(options.workers);
  if (!Number.isInteger(workers) || workers! < 1 || workers! > 256)
    throw new CliError('--workers: must be a whole number from 1 to 256');
  const check = readDesignFile(path);
  if (check.issues) throw new CliError(formatIssues(path, check.issues));
  // The pointer must name a number of this design, and both ends must leave it valid.
  if (settings.scenario.kind === 'sweep') {
    const issues = checkSweep(check.design, settings.scenario, '/scenario');
    if (issues.length > 0) throw optionErrors(issues);
  }
  // What the orchestrator would refuse, refused here with the same words: the same limits by
  // default, and the same function.
  const refusal =
    checkRunDuration(settings, DEFAULT_RUN_LIMITS) ?? checkRunWork(check.design, settings, DEFAULT_RUN_LIMITS);
  if (refusal) throw limitError(refusal);
  const outFd = options.out === undefined ? null : openOut(options.out);

  // Said before the run, as the orchestrator's launch answer does: a fault the run will not see
  // makes its verdicts mislead, and the run takes a while.
  for (const warning of launchWarnings(check.design, settings)) err.write(`warning: ${warning.message}\n`);

  // The scenario's parts (replications, steps, variants) run on `--workers` threads at once.
  const bar = err.isTTY ? progressBar(err) : null;
  const result = await runOnThreads(check.design, settings, { workers: workers!, onProgress: (p) => bar?.update(p) });
  bar?.done();

  const exported = exportRun(result, format.data, {
    runId: 'local',
    designId: designLabel(path),
    designName: check.design.name,
    design: check.design,
  });
  if (outFd === null) out.write(exported.body);
  else {
    try {
      writeFileSync(outFd, exported.body);
    } catch (error) {
      throw new CliError(`--out: ${options.out} cannot be written (${(error as NodeJS.ErrnoException).code ?? error})`);
    } finally {
      closeSync(outFd);
    }
  }

  const passed = sloPassed(result);
  if (err.isTTY || (!passed && options['fail-on-slo'])) {
    const classes = classVerdicts(result);
    const indented = (lines: string[]) => lines.map((line) => `  ${line}\n`).join('');
    err.write(
      (passed ? 'SLO passed\n' : `SLO failed:\n${indented(sloFailures(result, check.design))}`) +
        (classes.length > 0 ? `Request classes:\n${indented(classes)}` : ''),
    );
  }
  return !passed && options['fail-on-slo'] ? EXIT.sloFailed : EXIT.ok;
}
