import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** `pnpm start` without its build step (the tests build the web app once): the command after the last `&&`. */
export function startCommand(): string {
  const { scripts } = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: { start: string } };
  return scripts.start.split('&&').at(-1)!.trim();
}

interface ProcessRow {
  pid: number;
  ppid: number;
  args: string;
}

function processTable(): ProcessRow[] {
  return execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map(([, pid, ppid, args]) => ({ pid: Number(pid), ppid: Number(ppid), args: args! }));
}

/** A process and all its descendants. */
export function processTree(root: number): ProcessRow[] {
  const table = processTable();
  const found = table.filter((p) => p.pid === root);
  for (let i = 0; i < found.length; i++) found.push(...table.filter((p) => p.ppid === found[i]!.pid));
  return found;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The whole application as `pnpm start` runs it, through a shell as pnpm does, on a free port. */
export interface WholeApp {
  shell: ChildProcess;
  url: string;
  /** Every JSON log line so far, parsed. */
  logLines(): Record<string, unknown>[];
  /** The process ids of the gateway and its two services (as they are now). */
  pids(): { gateway: number; designService: number; orchestrator: number };
}

export async function startWholeApp(env: NodeJS.ProcessEnv): Promise<WholeApp> {
  const shell = spawn('sh', ['-c', startCommand()], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  shell.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  shell.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = output.match(/Faultline is running at (http:\/\/\S+)/);
      if (match) {
        clearInterval(timer);
        resolve(match[1]!.replace('localhost', '127.0.0.1'));
      } else if (shell.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`the application did not start:\n${output}`));
      }
    }, 100);
  });
  return {
    shell,
    url,
    logLines: () =>
      output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    pids: () => {
      const tree = processTree(shell.pid!);
      const find = (part: string) => tree.find((p) => !p.args.startsWith('sh ') && p.args.includes(part))?.pid ?? 0;
      return {
        gateway: find('apps/gateway/src/server.ts'),
        designService: find('apps/design-service/src/server.ts'),
        orchestrator: find('apps/orchestrator/src/server.ts'),
      };
    },
  };
}
