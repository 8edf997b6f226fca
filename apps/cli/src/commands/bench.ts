import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCH = fileURLToPath(new URL('../../../../packages/sim-engine/bench/run.ts', import.meta.url));

/** `faultline bench [--quick]`: the engine benchmark, each measurement in its own process. */
export function bench(args: string[]): number {
  const child = spawnSync(process.execPath, ['--import', 'tsx', BENCH, ...args], { stdio: 'inherit' });
  return child.status ?? 1;
}
