// `pnpm bench`: the engine's speed and memory figures, each measurement in its own process so
// that peak RSS is its own. Prints a table and how each figure compares with its target. The
// `kernel` row is the machine's ceiling for M/M/1 (see kernel-floor.ts), not a workload.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

interface Measurement {
  workload: string;
  requests: number;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  requestsPerSecond: number;
  peakRssMb: number;
}

const child = fileURLToPath(new URL('./child.ts', import.meta.url));
const quick = process.argv.includes('--quick');

function measure(workload: string, requests: number): Measurement {
  const out = execFileSync(process.execPath, ['--import', 'tsx', child, workload, String(requests)], {
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

/**
 * This machine's speed drifts within minutes: three rounds, each running every workload once,
 * so each workload's median (its figure) and the kernel's come from the same stretch of time.
 */
function interleavedMedians(workloads: string[], requests: number): Measurement[] {
  const rounds = [0, 1, 2].map(() => workloads.map((w) => measure(w, requests)));
  return workloads.map((_, i) => rounds.map((round) => round[i]!).sort((a, b) => a.seconds - b.seconds)[1]!);
}

const runs = [
  ...interleavedMedians(['kernel', 'mm1', 'reference'], 1_000_000),
  ...(quick ? [] : [measure('reference', 10_000_000)]),
];

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
console.log('\nworkload      requests      events   seconds   events/s   requests/s   peak RSS');
for (const r of runs) {
  console.log(
    `${r.workload.padEnd(10)} ${fmt(r.requests).padStart(11)} ${fmt(r.events).padStart(11)} ${fmt(r.seconds, 2).padStart(9)} ` +
      `${fmt(r.eventsPerSecond / 1e6, 2).padStart(8)} M ${fmt(r.requestsPerSecond).padStart(12)} ${fmt(r.peakRssMb).padStart(7)} MB`,
  );
}

const [kernel, mm1, reference, big] = runs as [Measurement, Measurement, Measurement, Measurement | undefined];
const check = (label: string, ok: boolean, figure: string) =>
  console.log(`${ok ? 'met ' : 'MISS'}  ${label}: ${figure}`);
console.log('');
check('M/M/1 at least 10 M events/s', mm1.eventsPerSecond >= 10e6, `${fmt(mm1.eventsPerSecond / 1e6, 2)} M`);
check(
  'reference at least 5 M events/s',
  reference.eventsPerSecond >= 5e6,
  `${fmt(reference.eventsPerSecond / 1e6, 2)} M`,
);
check('a million requests in under 5 s', reference.seconds < 5, `${fmt(reference.seconds, 2)} s`);
// Not a target: how fast this machine runs the kernel alone, to read the figures above against.
console.log(
  `      the engine's M/M/1 runs at ${fmt((mm1.eventsPerSecond / kernel.eventsPerSecond) * 100)} % of the kernel alone (${fmt(kernel.eventsPerSecond / 1e6, 2)} M events/s)`,
);
if (big) {
  const growth = big.peakRssMb / reference.peakRssMb - 1;
  check(
    'peak RSS for 10 M requests within 10 % of 1 M',
    growth <= 0.1,
    `${fmt(growth * 100, 1)} % (${fmt(big.peakRssMb)} vs ${fmt(reference.peakRssMb)} MB)`,
  );
}
