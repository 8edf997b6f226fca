import type { RunProgress } from '@faultline/schemas';

/**
 * A scenario's progress summed over its parts, however many run at once: simulated time done
 * over the time all parts simulate (each part one replication of `durationMs`), and events.
 */
export class PartsProgress {
  private readonly simulatedMs: number[];
  private readonly events: number[];

  constructor(
    parts: number,
    private readonly partMs: number,
  ) {
    this.simulatedMs = new Array<number>(parts).fill(0);
    this.events = new Array<number>(parts).fill(0);
  }

  /** Where a part is now; `done` counts all of its simulated time. */
  report(part: number, simulatedMs: number, events: number, done = false): void {
    this.simulatedMs[part] = done ? this.partMs : Math.min(this.partMs, simulatedMs);
    this.events[part] = events;
  }

  /** The part is done: all of its simulated time counts, its events as last reported. */
  done(part: number): void {
    this.simulatedMs[part] = this.partMs;
  }

  get totalEvents(): number {
    return this.events.reduce((a, b) => a + b, 0);
  }

  current(): RunProgress {
    const totalMs = this.partMs * this.simulatedMs.length;
    const doneMs = this.simulatedMs.reduce((a, b) => a + b, 0);
    return {
      simulatedMs: doneMs,
      totalMs,
      events: this.totalEvents,
      percent: Math.round((doneMs / totalMs) * 1000) / 10,
    };
  }
}
