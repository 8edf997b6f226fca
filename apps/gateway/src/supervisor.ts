import type { FastifyBaseLogger } from 'fastify';
import { startService, type RunningService } from '@faultline/service-kit';

export interface SupervisionOptions {
  /** First wait before a restart; doubled after each crash in a row, up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** A child that ran this long before it died starts again from the first wait. */
  stableAfterMs?: number;
  /** How long a child may take to stop on SIGTERM before it is killed. */
  stopGraceMs?: number;
}

/**
 * A service the gateway runs as a child process and keeps running: when it dies it is started
 * again on the same port (the proxy keeps its address) after a wait that doubles with each crash
 * in a row, while the other service goes on serving. Meanwhile the gateway's /health says
 * degraded and requests for it answer 503.
 */
export class SupervisedService {
  private current: RunningService;
  private stopping = false;
  private crashesInARow = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  private restarting: Promise<void> | undefined;
  private readonly options: Required<SupervisionOptions>;

  private constructor(
    first: RunningService,
    private readonly entry: URL,
    private readonly env: NodeJS.ProcessEnv,
    private readonly log: FastifyBaseLogger,
    options: SupervisionOptions,
  ) {
    this.options = { backoffMs: 500, maxBackoffMs: 30_000, stableAfterMs: 60_000, stopGraceMs: 7_000, ...options };
    this.current = first;
    this.watch(first, Date.now());
  }

  /** Starts the service (failing if it cannot start at all) and supervises it from then on. */
  static async start(
    name: string,
    entry: URL,
    env: NodeJS.ProcessEnv,
    log: FastifyBaseLogger,
    options: SupervisionOptions = {},
  ): Promise<SupervisedService> {
    return new SupervisedService(await startService(name, entry, env), entry, env, log, options);
  }

  get name(): string {
    return this.current.name;
  }

  get url(): string {
    return this.current.url;
  }

  /** The live child's process id (changes with each restart). */
  get pid(): number | undefined {
    return this.current.process.pid;
  }

  private watch(service: RunningService, startedAt: number): void {
    service.process.once('exit', (code, signal) => {
      if (this.stopping) return;
      if (Date.now() - startedAt >= this.options.stableAfterMs) this.crashesInARow = 0;
      this.log.error({ service: this.name, code, signal }, 'a service stopped; restarting it');
      this.scheduleRestart();
    });
  }

  private scheduleRestart(): void {
    const { backoffMs, maxBackoffMs } = this.options;
    const wait = Math.min(maxBackoffMs, backoffMs * 2 ** this.crashesInARow);
    this.crashesInARow += 1;
    this.restartTimer = setTimeout(() => (this.restarting = this.restart()), wait);
  }

  private async restart(): Promise<void> {
    if (this.stopping) return;
    const port = Number(new URL(this.url).port);
    try {
      const service = await startService(this.name, this.entry, this.env, { port });
      if (this.stopping) return void (await service.stop());
      this.current = service;
      this.watch(service, Date.now());
      this.log.info({ service: this.name, pid: service.process.pid }, 'a service restarted');
    } catch (error) {
      this.log.error({ service: this.name, err: error }, 'a service could not restart; trying again');
      this.scheduleRestart();
    }
  }

  /** Stops supervising, then the child: SIGTERM, and SIGKILL if it is not gone after the grace. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    // A restart under way finishes first (and stops what it started), so no child is left behind.
    await this.restarting;
    const child = this.current.process;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const kill = setTimeout(() => child.kill('SIGKILL'), this.options.stopGraceMs);
    await this.current.stop();
    clearTimeout(kill);
  }
}
