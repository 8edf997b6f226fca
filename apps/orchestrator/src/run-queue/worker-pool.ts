import { Worker } from 'node:worker_threads';
import type { Outcome, WorkerMessage, WorkOrder } from './messages.ts';

interface Slot {
  worker: Worker | null;
  order: WorkOrder | null;
  settle: ((outcome: Outcome) => void) | null;
}

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);

/**
 * A fixed number of worker threads, each simulating one run at a time. Cancelling a run
 * terminates its thread (the engine runs without yielding, so a message would wait for the
 * run's end); a fresh thread takes its place for the next run.
 */
export class WorkerPool {
  private readonly slots: Slot[];

  constructor(
    size: number,
    private readonly onProgress: (message: Extract<WorkerMessage, { type: 'progress' }>) => void,
    private readonly memoryLimitMb = 2048,
  ) {
    this.slots = Array.from({ length: size }, () => ({ worker: null, order: null, settle: null }));
  }

  get free(): number {
    return this.slots.filter((s) => !s.order).length;
  }

  get busy(): string[] {
    return this.slots.flatMap((s) => (s.order ? [s.order.runId] : []));
  }

  /** Simulates the order on a free thread; resolves with its outcome. Throws if none is free. */
  run(order: WorkOrder): Promise<Outcome> {
    const slot = this.slots.find((s) => !s.order);
    if (!slot) throw new Error('no free worker');
    slot.order = order;
    return new Promise<Outcome>((resolve) => {
      slot.settle = resolve;
      (slot.worker ??= this.spawn(slot)).postMessage(order);
    });
  }

  /** Stops the run if a thread is simulating it; false if none is. */
  async cancel(runId: string): Promise<boolean> {
    const slot = this.slots.find((s) => s.order?.runId === runId);
    if (!slot) return false;
    const worker = slot.worker;
    this.finish(slot, { type: 'cancelled', runId });
    slot.worker = null;
    await worker?.terminate();
    return true;
  }

  async close(): Promise<void> {
    await Promise.all(
      this.slots.map(async (slot) => {
        const worker = slot.worker;
        slot.worker = null;
        await worker?.terminate();
      }),
    );
  }

  private spawn(slot: Slot): Worker {
    const worker = new Worker(ENTRY, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: this.memoryLimitMb } });
    worker.on('message', (message: WorkerMessage) => {
      if (slot.worker !== worker || slot.order?.runId !== message.runId) return;
      if (message.type === 'progress') this.onProgress(message);
      else this.finish(slot, message);
    });
    // A thread that dies (out of memory, a crash in the engine) fails its run and is replaced.
    worker.on('error', (error) => this.lost(slot, worker, `The simulation's worker stopped: ${error.message}`));
    worker.on('exit', (code) => this.lost(slot, worker, `The simulation's worker exited with code ${code}`));
    return worker;
  }

  private lost(slot: Slot, worker: Worker, reason: string): void {
    if (slot.worker !== worker) return;
    slot.worker = null;
    if (slot.order) this.finish(slot, { type: 'failed', runId: slot.order.runId, reason });
  }

  private finish(slot: Slot, outcome: Outcome): void {
    const settle = slot.settle;
    slot.order = null;
    slot.settle = null;
    settle?.(outcome);
  }
}
