import { hostname } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PartOrder, PartOutcome, WorkerMessage } from './messages.ts';

interface Slot {
  worker: Worker | null;
  /** Resolves once the thread has loaded the engine. */
  ready?: Promise<void>;
  order: PartOrder | null;
  settle: ((outcome: PartOutcome) => void) | null;
}

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);

/**
 * A fixed number of worker threads, each simulating one part of a run at a time; the parts of
 * one run may occupy several threads at once. Cancelling a run terminates the threads of its
 * parts (the engine runs without yielding, so a message would wait for the part's end); fresh
 * threads take their place for the next parts.
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

  /**
   * Starts every thread now and resolves once each has loaded the engine, so the first parts do
   * not pay for compiling it (seconds per thread): for long-lived workers.
   */
  async warm(): Promise<void> {
    await Promise.all(this.slots.map((slot) => ((slot.worker ??= this.spawn(slot)), slot.ready)));
  }

  /** Runs with a part on a thread, each once. */
  get busy(): string[] {
    return [...new Set(this.slots.flatMap((s) => (s.order ? [s.order.runId] : [])))];
  }

  /**
   * Simulates the part on a free thread: says which (host, process and thread) and resolves with
   * the part's outcome. Throws if none is free.
   */
  run(order: PartOrder): { worker: string; outcome: Promise<PartOutcome> } {
    const slot = this.slots.find((s) => !s.order);
    if (!slot) throw new Error('no free worker');
    slot.order = order;
    const worker = (slot.worker ??= this.spawn(slot));
    const outcome = new Promise<PartOutcome>((resolve) => {
      slot.settle = resolve;
      worker.postMessage(order);
    });
    return { worker: `${hostname()} pid ${process.pid} thread ${worker.threadId}`, outcome };
  }

  /** Stops every part of the run that a thread is simulating; false if none is. */
  async cancel(runId: string): Promise<boolean> {
    const slots = this.slots.filter((s) => s.order?.runId === runId);
    await Promise.all(
      slots.map(async (slot) => {
        const worker = slot.worker;
        this.finish(slot, { type: 'cancelled', runId, part: slot.order!.part });
        slot.worker = null;
        await worker?.terminate();
      }),
    );
    return slots.length > 0;
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
    slot.ready = new Promise((resolve) => {
      worker.on('message', (message: { type: string }) => message.type === 'ready' && resolve());
      worker.once('exit', () => resolve()); // a thread that dies loading is reported by its first part
    });
    worker.on('message', (message: WorkerMessage) => {
      const order = slot.order;
      if (slot.worker !== worker || !order || order.runId !== message.runId || order.part !== message.part) return;
      if (message.type === 'progress') this.onProgress(message);
      else this.finish(slot, message);
    });
    // A thread that dies (out of memory, a crash in the engine) fails its part and is replaced.
    worker.on('error', (error) => this.lost(slot, worker, `The simulation's worker stopped: ${error.message}`));
    worker.on('exit', (code) => this.lost(slot, worker, `The simulation's worker exited with code ${code}`));
    return worker;
  }

  private lost(slot: Slot, worker: Worker, reason: string): void {
    if (slot.worker !== worker) return;
    slot.worker = null;
    if (slot.order) this.finish(slot, { type: 'failed', runId: slot.order.runId, part: slot.order.part, reason });
  }

  private finish(slot: Slot, outcome: PartOutcome): void {
    const settle = slot.settle;
    slot.order = null;
    slot.settle = null;
    settle?.(outcome);
  }
}
