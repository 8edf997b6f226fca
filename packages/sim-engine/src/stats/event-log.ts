import type { SimulationResult } from '@faultline/schemas';

type Event = SimulationResult['events']['items'][number];

/** The run's notable events, capped: past the cap they are only counted. */
export class EventLog {
  readonly items: Event[] = [];
  dropped = 0;
  constructor(readonly cap = 1000) {}

  add(event: Event): void {
    if (this.items.length < this.cap) this.items.push(event);
    else this.dropped++;
  }
}
