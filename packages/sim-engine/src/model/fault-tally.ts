import { TRACKED_FAULTS } from '../codes.ts';

/**
 * Which unabsorbed faults acted on the requests in flight at a component (queued or holding a
 * worker), counted per fault so a request leaving takes its marks with it; plus the faults acting
 * on the component as a whole (connection exhaustion). A request that queues here, or is refused
 * for want of room, carries these onwards (SPEC §4.2's indirect causes). Marks a request only
 * picked up by queueing are not counted: they would outlive the fault in a standing queue.
 */
export class FaultTally {
  private readonly counts = new Int32Array(TRACKED_FAULTS);
  private marks = 0;
  /** Faults acting on the whole component now. */
  state = 0;

  add(mask: number): void {
    for (let m = mask; m !== 0; m &= m - 1) {
      this.counts[31 - Math.clz32(m & -m)]!++;
      this.marks++;
    }
  }

  remove(mask: number): void {
    for (let m = mask; m !== 0; m &= m - 1) {
      this.counts[31 - Math.clz32(m & -m)]!--;
      this.marks--;
    }
  }

  mask(): number {
    if (this.marks === 0) return this.state;
    let mask = this.state;
    for (let i = 0; i < TRACKED_FAULTS; i++) if (this.counts[i]! > 0) mask |= 1 << i;
    return mask;
  }
}
