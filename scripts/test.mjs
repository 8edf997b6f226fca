// `pnpm test`: the whole suite, on SQLite and PostgreSQL, ending with one line
// `N passed, N failed` counted from the test runners' own reports.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const reports = join(root, '.reports');
const postgresUrl = new URL(process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
const redisUrl = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');

const reachable = (url, defaultPort) =>
  new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || defaultPort) });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.end(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });

/**
 * A server the suite needs: when it does not answer, `start` starts the local one if it is
 * installed, and the suite waits up to 30 polls for it; else it stops, saying what to do.
 */
async function ensureServer({ url, defaultPort, start, pollMs, missing }) {
  if (await reachable(url, defaultPort)) return;
  start();
  for (let i = 0; i < 30; i++) {
    if (await reachable(url, defaultPort)) return;
    await new Promise((r) => setTimeout(r, pollMs));
  }
  console.error(missing);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// The PostgreSQL half of the suite needs a server: the local cluster if it is installed but down.
await ensureServer({
  url: postgresUrl,
  defaultPort: 5432,
  pollMs: 1000,
  start: () => {
    const clusters = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : [];
    for (const version of clusters) {
      console.log(`Starting the local PostgreSQL ${version} cluster for the tests…`);
      spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
    }
  },
  missing:
    `No PostgreSQL server answers at ${postgresUrl.host}. The suite runs on SQLite and PostgreSQL: ` +
    'install and start PostgreSQL, or point TEST_POSTGRES_URL at one.',
});

// Team-scale runs (BullMQ) are tested on Redis: the local one if it is installed but down.
await ensureServer({
  url: redisUrl,
  defaultPort: 6379,
  pollMs: 500,
  start: () => {
    if (spawnSync('which', ['redis-server']).status !== 0) return;
    console.log('Starting the local Redis for the tests…');
    const port = redisUrl.port || '6379';
    const options = ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', port, '--save', '', '--appendonly', 'no'];
    spawnSync('redis-server', options, { stdio: 'inherit' });
  },
  missing: `No Redis answers at ${redisUrl.host}. Team-scale runs are tested on Redis: install and start it, or point TEST_REDIS_URL at one.`,
});

/**
 * The end-to-end suite drives Chromium: Debian's on these machines (installed here when it is
 * missing and apt can), Playwright's own download (`npx playwright install chromium`) on a laptop.
 */
function ensureChromium() {
  if (process.env.CHROMIUM_PATH || existsSync('/usr/bin/chromium')) return;
  const playwrightCache = join(process.env.HOME ?? '', '.cache/ms-playwright');
  if (existsSync(playwrightCache) && readdirSync(playwrightCache).some((d) => d.startsWith('chromium'))) return;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('Installing Chromium from Debian for the end-to-end tests…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  }
}
ensureChromium();

// Types first: a type error fails the run even where no test notices it.
// A package's benchmark, run by its own script and by no test, has its own project beside it.
const projects = [
  '.',
  'e2e',
  ...['apps', 'packages'].flatMap((dir) => readdirSync(join(root, dir)).map((name) => join(dir, name))),
]
  .flatMap((dir) => [dir, join(dir, 'bench')])
  .filter((dir) => existsSync(join(root, dir, 'tsconfig.json')));
const typeErrors = projects.filter((dir) => {
  const result = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', dir], {
    cwd: root,
    stdio: 'inherit',
  });
  return result.status !== 0;
});
if (typeErrors.length) console.error(`Type errors in: ${typeErrors.join(', ')}`);
// Lint and format are part of the suite: each that fails counts as one failure.
const styleChecks = [
  ['format:check', [join(root, 'node_modules/prettier/bin/prettier.cjs'), '--check', '--log-level', 'warn', '.']],
  ['lint', [join(root, 'node_modules/eslint/bin/eslint.js'), '--max-warnings', '0', '.']],
];
const styleFailures = styleChecks.filter(([name, args]) => {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) console.error(`\`pnpm ${name}\` failed.`);
  return result.status !== 0;
});
// The gateway serves the built web app, and the end-to-end suite drives it.
const webBuild = spawnSync(process.execPath, [join(root, 'apps/web/scripts/build.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
if (webBuild.status !== 0) console.error('The web app does not build.');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const vitest = spawnSync(
  join(root, 'node_modules/.bin/vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, 'vitest.json')}`],
  { cwd: root, stdio: 'inherit' },
);

// The end-to-end suite: the real stack in Chromium, against the web app built above.
const e2e = spawnSync(join(root, 'node_modules/.bin/playwright'), ['test', '-c', 'e2e/playwright.config.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CI: '1' },
});

let passed = 0;
let failed = typeErrors.length + styleFailures.length + (webBuild.status === 0 ? 0 : 1);
let skipped = 0;
const report = join(reports, 'vitest.json');
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  skipped += results.numPendingTests + results.numTodoTests;
  // A file that fails to load has no test results of its own; count it as a failure.
  failed += results.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
} else {
  failed += 1;
}
if (vitest.status !== 0 && failed === 0) failed = 1;

const playwrightReport = join(reports, 'playwright.json');
if (existsSync(playwrightReport)) {
  const { stats } = JSON.parse(readFileSync(playwrightReport, 'utf8'));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  skipped += stats.skipped;
  if (e2e.status !== 0 && stats.unexpected === 0) failed += 1;
} else {
  console.error('The end-to-end suite did not report (no browser, or it could not start the stack).');
  failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
