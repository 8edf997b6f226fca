import type { Design, RunSettings } from '@faultline/schemas';
import { EventQueue } from '../kernel/event-queue.ts';
import { RandomStream } from '../kernel/random.ts';
import { Collector } from '../stats/collector.ts';
import { EventLog } from '../stats/event-log.ts';
import { ComponentSeries } from '../stats/component-series.ts';
import { BREAKER_STATE_NAMES, TIMEOUT } from '../codes.ts';
import { Pool } from '../kernel/pool.ts';
import type { CircuitBreaker } from './patterns/circuit-breaker.ts';
import { Call, Hop, ROOT } from './requests.ts';
import * as E from './events.ts';
import type { ComponentRuntime } from './components.ts';
import { compileModel, type Model } from './compile.ts';
import { Arrivals } from './workload.ts';
import { requestClassesOf, type RequestClasses } from './request-classes.ts';
import { cause, timeoutCause } from './causes.ts';
import { handleHopArrive, handleServiceDone, handlePermit, runSteps } from './serving.ts';
import {
  handleAttemptRejected,
  handleBulkheadExpire,
  handleCallTimeout,
  handleFallbackDone,
  handleResponse,
  handleRetry,
} from './calling.ts';

export interface Progress {
  simulatedMs: number;
  durationMs: number;
  events: number;
  done: boolean;
}

/**
 * One run of one design. `advance` processes events in slices, so a caller can report progress
 * and stop; nothing here reads a clock or sleeps.
 */
export class Simulation {
  now = 0;
  events = 0;
  readonly queue = new EventQueue(4096);
  readonly model: Model;
  readonly hops = new Pool((id) => new Hop(id));
  readonly calls = new Pool((id) => new Call(id));
  readonly collector: Collector;
  readonly eventLog = new EventLog();
  readonly series: ComponentSeries;
  readonly routing: RandomStream;
  readonly jitter: RandomStream;
  private readonly arrivals: Arrivals;
  /** The request classes, when the entry client declares operations (SPEC §3.7). */
  readonly classes: RequestClasses | null;
  readonly warmupMs: number;
  readonly durationMs: number;
  readonly clientTimeoutMs: number;
  /** Arrivals stop at the end; requests in flight drain until their client timeout at most. */
  readonly drainUntil: number;
  measuring = false;
  private finished = false;
  private readonly clientTimeoutLane: number;
  /** The lane of events due at once. */
  readonly nowLane: number;

  constructor(
    readonly design: Design,
    readonly settings: RunSettings,
    seed: number,
    faultsEnabled = true,
  ) {
    this.warmupMs = settings.warmupMs;
    this.durationMs = settings.durationMs;
    this.clientTimeoutMs = design.workload.clientTimeoutMs;
    this.drainUntil = this.durationMs + this.clientTimeoutMs;
    this.clientTimeoutLane = this.queue.laneFor(this.clientTimeoutMs);
    this.nowLane = this.queue.laneFor(0);
    this.model = compileModel(
      design,
      this.queue,
      seed,
      this.warmupMs,
      this.durationMs,
      faultsEnabled,
      (b, from, to, at) => this.breakerMoved(b, from, to, at),
    );
    this.routing = new RandomStream(seed, 'routing');
    this.jitter = new RandomStream(seed, 'jitter');
    this.arrivals = new Arrivals(design.workload, seed, this.durationMs);
    const arrival = design.workload.arrival;
    this.collector = new Collector(
      this.warmupMs,
      this.durationMs,
      this.model.faults.map((f) => ({ fault: f.id, start: f.start, end: f.end })),
    );
    this.classes = requestClassesOf(this.model.entry, seed, this.collector);
    this.series = new ComponentSeries(this.model.components, this.model.breakers, this.collector.buckets);

    if (arrival.kind === 'closed') {
      // Each user starts after one think time, so they do not all fire at t = 0.
      for (let user = 0; user < arrival.users; user++)
        this.queue.push(this.arrivals.thinkTime(), E.E_USER_SEND, user, 0);
    } else {
      this.scheduleNextArrival(0);
    }
    if (this.warmupMs > 0) this.queue.push(this.warmupMs, E.E_WARMUP_END, 0, 0);
    else this.measuring = true;
    this.scheduleSample(0);
    this.model.faults.forEach((fault, index) => {
      fault.moments.forEach((at, k) => this.queue.push(at, E.E_FAULT_STATE, index, k));
    });
  }

  /** Processes up to `maxEvents` events; `done` once every counted request has ended. */
  advance(maxEvents = Infinity): Progress {
    const queue = this.queue;
    let budget = maxEvents;
    while (budget-- > 0) {
      // Whatever lies past the drain deadline never runs: the run is over.
      if (!queue.pop() || queue.poppedTime > this.drainUntil) {
        this.finished = true;
        break;
      }
      this.now = queue.poppedTime;
      this.events++;
      this.dispatch(queue.poppedKind, queue.poppedRef, queue.poppedGen);
    }
    if (this.finished) this.endOfRun();
    return {
      simulatedMs: Math.min(this.now, this.durationMs),
      durationMs: this.durationMs,
      events: this.events,
      done: this.finished,
    };
  }

  get done(): boolean {
    return this.finished;
  }

  private dispatch(kind: number, ref: number, gen: number): void {
    switch (kind) {
      case E.E_HOP_ARRIVE:
        return handleHopArrive(this, this.hops.all[ref]!, gen);
      case E.E_SERVICE_DONE:
        return handleServiceDone(this, this.hops.all[ref]!, gen);
      case E.E_RESPONSE:
        return handleResponse(this, this.calls.all[ref]!, gen);
      case E.E_ARRIVAL:
        this.startRequest(-1);
        return this.scheduleNextArrival(this.now);
      case E.E_CALL_TIMEOUT:
        return handleCallTimeout(this, this.calls.all[ref]!, gen);
      case E.E_CLIENT_TIMEOUT:
        return this.clientTimeout(this.hops.all[ref]!, gen);
      case E.E_RETRY:
        return handleRetry(this, this.calls.all[ref]!, gen);
      case E.E_ATTEMPT_REJECTED:
        return handleAttemptRejected(this, this.calls.all[ref]!, gen);
      case E.E_FALLBACK_DONE:
        return handleFallbackDone(this, this.calls.all[ref]!, gen);
      case E.E_BULKHEAD_EXPIRE:
        return handleBulkheadExpire(this, this.calls.all[ref]!, gen);
      case E.E_PERMIT:
        return handlePermit(this, this.hops.all[ref]!, gen);
      case E.E_USER_SEND:
        if (this.now < this.durationMs) this.startRequest(ref);
        return;
      case E.E_FAULT_STATE:
        return this.faultSwitched(ref, gen);
      case E.E_OOM:
        return this.model.faults[ref]!.timer(this);
      case E.E_SAMPLE:
        this.touchAll();
        this.series.sample(this.now, ref);
        return this.scheduleSample(ref + 1);
      case E.E_WARMUP_END:
        this.measuring = true;
        this.touchAll();
        this.series.startMeasuring(this.now);
        return;
    }
  }

  /** Samples are taken at each bucket's end, one scheduled at a time. */
  private scheduleSample(bucket: number): void {
    if (bucket >= this.collector.buckets) return;
    this.queue.push(
      Math.min(this.durationMs, this.warmupMs + (bucket + 1) * this.collector.bucketMs),
      E.E_SAMPLE,
      bucket,
      0,
    );
  }

  private scheduleNextArrival(from: number): void {
    const t = this.arrivals.next(from);
    if (t >= 0) this.queue.push(t, E.E_ARRIVAL, 0, 0);
  }

  private startRequest(user: number): void {
    // The client does no work: its hop, the entry request, starts its calls at once.
    const request = this.hops.take();
    const classes = this.classes;
    const entry = this.model.entry;
    request.reset(ROOT, entry, classes === null ? entry.operations[0]! : classes.pick(), this.now);
    request.ended = false;
    request.counted = this.measuring;
    request.user = user;
    if (request.counted) {
      this.collector.requests++;
      if (classes !== null) classes.stats[request.operation.index]!.requests++;
    }
    this.queue.pushLane(
      this.clientTimeoutLane,
      this.now + this.clientTimeoutMs,
      E.E_CLIENT_TIMEOUT,
      request.id,
      request.gen,
    );
    runSteps(this, request);
  }

  /** The client gives up; the request's calls go on until they end, answering nobody. */
  private clientTimeout(request: Hop, gen: number): void {
    if (request.gen !== gen || request.ended) return;
    timeoutCause(request, null);
    this.finishRequest(request, TIMEOUT, false, false, cause.mask, cause.direct);
  }

  /** An entry request ends, exactly once: answered, degraded or failed (charged to `causeMask`, see causes.ts). */
  finishRequest(
    request: Hop,
    error: number,
    degraded: boolean,
    corrupted: boolean,
    causeMask: number,
    direct: boolean,
  ): void {
    request.ended = true;
    if (request.counted) {
      this.collector.requestDone(request.arrivedAt, this.now, error, degraded, corrupted);
      const classes = this.classes;
      if (classes !== null) classes.stats[request.operation.index]!.ended(request.arrivedAt, this.now, error, degraded);
      if (this.model.faults.length > 0) {
        const acted = request.acted | request.spread;
        this.collector.charge(
          request.arrivedAt,
          this.now,
          error,
          degraded,
          causeMask,
          direct,
          acted,
          request.fallbackFor,
        );
      }
    }
    if (request.user >= 0 && this.now < this.durationMs) {
      this.queue.push(this.now + this.arrivals.thinkTime(), E.E_USER_SEND, request.user, 0);
    }
  }

  /** The `k`-th moment of fault `index`: it switches on (even k) or off, and the log says so. */
  private faultSwitched(index: number, k: number): void {
    const fault = this.model.faults[index]!;
    const last = k === fault.moments.length - 1;
    if (k === 0) this.eventLog.add({ atMs: this.now, type: 'fault-start', fault: fault.id });
    fault.switched(this, k % 2 === 0, k, last);
    if (last) this.eventLog.add({ atMs: this.now, type: 'fault-end', fault: fault.id });
  }

  private breakerMoved(breaker: CircuitBreaker, from: number, to: number, at: number): void {
    this.eventLog.add({
      atMs: at,
      type: 'circuit-transition',
      component: breaker.component,
      ...(breaker.connection ? { connection: breaker.connection } : {}),
      from: BREAKER_STATE_NAMES[from],
      to: BREAKER_STATE_NAMES[to],
    });
  }

  /** Keeps a component's busy-worker and queue-length integrals current before they change. */
  touch(component: ComponentRuntime): void {
    // Several changes in one moment: the integrals are already current.
    if (component.lastChange === this.now) return;
    if (this.measuring) {
      // Integrate over the measured period only: the drain after the end does not count.
      const dt = Math.min(this.now, this.durationMs) - Math.min(component.lastChange, this.durationMs);
      component.stats.busyArea += component.busyTotal * dt;
      component.stats.queueArea += component.queuedTotal * dt;
    }
    component.lastChange = this.now;
  }

  private touchAll(): void {
    for (const component of this.model.components) this.touch(component);
  }

  private endOfRun(): void {
    this.touchAll();
  }
}
