import { parseArgs } from 'node:util';
import { CliError, EXIT } from './cli-error.ts';
import { bench } from './commands/bench.ts';
import { run, type RunOptions } from './commands/run.ts';
import { validate } from './commands/validate.ts';
import { worker } from './commands/worker.ts';

const USAGE = `usage:
  faultline validate <design.json|yaml>
  faultline run <design.json|yaml> [--seed N] [--duration 60s] [--warmup 5s] [--replications N]
                [--scenario single|baseline-vs-chaos|sweep|defence-analysis]
                [--format json|md|prom|csv] [--out FILE] [--fail-on-slo] [--workers N]
                a sweep also takes --parameter POINTER --from N --to N --steps N
                (e.g. --parameter /faults/0/schedule/probability --from 0 --to 1 --steps 11)
                --workers: threads the scenario's parts run on at once (default: the cores)
  faultline bench [--quick]
  faultline worker   simulate parts of runs taken from Redis (REDIS_URL; WORKERS threads,
                     QUEUE_PREFIX, PART_LOCK_MS) until SIGTERM

exit codes: 0 success, 1 an SLO failed (with --fail-on-slo), 2 invalid input`;

const RUN_OPTIONS = {
  seed: { type: 'string' },
  duration: { type: 'string' },
  warmup: { type: 'string' },
  replications: { type: 'string' },
  scenario: { type: 'string' },
  parameter: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  steps: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  workers: { type: 'string' },
  'fail-on-slo': { type: 'boolean' },
} as const;

function oneFile(positionals: string[], command: string): string {
  if (positionals.length !== 1) throw new CliError(`${command} takes one design file\n\n${USAGE}`);
  return positionals[0]!;
}

function main(argv: string[]): number | Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'validate': {
      const { positionals } = parseArgs({ args: rest, allowPositionals: true, strict: true });
      return validate(oneFile(positionals, 'validate'), process.stdout, process.stderr);
    }
    case 'run': {
      const { positionals, values } = parseArgs({
        args: rest,
        allowPositionals: true,
        strict: true,
        options: RUN_OPTIONS,
      });
      return run(oneFile(positionals, 'run'), values as RunOptions, process.stdout, process.stderr);
    }
    case 'bench':
      return bench(rest);
    case 'worker':
      if (rest.length) throw new CliError(`worker takes no arguments; it is configured by its environment\n\n${USAGE}`);
      return worker(process.env, process.stdout);
    case undefined:
    case '--help':
    case 'help':
      (command === undefined ? process.stderr : process.stdout).write(`${USAGE}\n`);
      return command === undefined ? EXIT.invalidInput : EXIT.ok;
    default:
      throw new CliError(`unknown command "${command}"\n\n${USAGE}`);
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // parseArgs reports unknown or malformed options with a code; both are the user's input.
  const known = error instanceof CliError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
  process.stderr.write(`faultline: ${known ? (error as Error).message : (error as Error).stack}\n`);
  process.exitCode = error instanceof CliError ? error.exitCode : known ? EXIT.invalidInput : 70;
}
