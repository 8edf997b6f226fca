import type { ComponentRuntime } from './components.ts';
import type { Hop } from './requests.ts';
import type { Simulation } from './simulation.ts';

/** What `admit` decided. */
export const STARTS = 0;
export const QUEUED = 1;
export const FULL = 2;

/**
 * The workers of one replica and its FIFO queue, like SimPy's Resource: whoever takes a worker or
 * frees one calls the pool, never its counters. A worker is held while its request waits for its
 * own downstream calls (thread per request). The pool also keeps the component's tallies
 * (requests in flight, busy workers, queued requests) and the time integrals behind them current.
 */
export class WorkerPool {
  busy = 0;
  private readonly queue: Hop[] = [];
  private queueHead = 0;
  /** Hops in flight here (queued or holding a worker), linked through Hop.prev/next, so a crash finds them. */
  private first: Hop | null = null;

  constructor(private readonly component: ComponentRuntime) {}

  get queued(): number {
    return this.queue.length - this.queueHead;
  }

  /**
   * Takes a request in: STARTS when a worker is free (the caller then `occupy`s it), QUEUED when
   * it waits in line, FULL when the line is at `queueCapacity` (nothing changes).
   */
  admit(sim: Simulation, hop: Hop): number {
    const component = this.component;
    const idle = this.busy < component.effectiveConcurrency;
    if (!idle && this.queued >= component.queueCapacity) return FULL;
    this.link(hop);
    component.inFlight++;
    if (idle) return STARTS;
    sim.touch(component);
    component.queuedTotal++;
    this.queue.push(hop);
    return QUEUED;
  }

  /** The hop takes a worker. */
  occupy(sim: Simulation, hop: Hop): void {
    const component = this.component;
    sim.touch(component);
    this.busy++;
    component.busyTotal++;
    hop.holdsWorker = true;
  }

  /** The next queued hop, when a worker is free for it (the caller then `occupy`s it). */
  nextQueued(sim: Simulation): Hop | null {
    const component = this.component;
    if (this.busy >= component.effectiveConcurrency || this.queued === 0) return null;
    const next = this.queue[this.queueHead++]!;
    if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
      this.queue.splice(0, this.queueHead);
      this.queueHead = 0;
    }
    sim.touch(component);
    component.queuedTotal--;
    return next;
  }

  /** The hop leaves: out of the in-flight list, its worker given back. True when it freed a worker. */
  release(sim: Simulation, hop: Hop): boolean {
    const component = this.component;
    if (hop.linked) {
      this.unlink(hop);
      component.inFlight--;
    }
    if (!hop.holdsWorker) return false;
    hop.holdsWorker = false;
    sim.touch(component);
    this.busy--;
    component.busyTotal--;
    return true;
  }

  /** The replica goes down: every hop in flight here is let go, none holding a worker; returns them. */
  evictAll(sim: Simulation): Hop[] {
    const component = this.component;
    sim.touch(component);
    component.queuedTotal -= this.queued;
    component.busyTotal -= this.busy;
    this.queue.length = 0;
    this.queueHead = 0;
    this.busy = 0;
    const evicted: Hop[] = [];
    for (let hop = this.first; hop !== null; hop = hop.next) evicted.push(hop);
    for (const hop of evicted) {
      this.unlink(hop);
      component.inFlight--;
      hop.holdsWorker = false;
    }
    return evicted;
  }

  private link(hop: Hop): void {
    const marks = hop.acted & ~hop.absorbed;
    if (marks !== 0) this.component.faultsInFlight.add(marks);
    hop.linked = true;
    hop.prev = null;
    hop.next = this.first;
    if (this.first) this.first.prev = hop;
    this.first = hop;
  }

  private unlink(hop: Hop): void {
    const marks = hop.acted & ~hop.absorbed;
    if (marks !== 0) this.component.faultsInFlight.remove(marks);
    hop.linked = false;
    if (hop.prev) hop.prev.next = hop.next;
    else this.first = hop.next;
    if (hop.next) hop.next.prev = hop.prev;
    hop.prev = hop.next = null;
  }
}
