import { RandomStream } from '../kernel/random.ts';
import type { BucketClock } from '../stats/class-series.ts';
import { ClassStats } from '../stats/class-stats.ts';
import type { ComponentRuntime, OperationRuntime } from './components.ts';

/**
 * The workload's request classes: the entry client's operations (SPEC §3.7). Each arriving
 * request picks one with probability weight / total, from a stream of its own, so the mix never
 * moves an arrival time and a design with classes sees the same traffic as one without.
 */
export class RequestClasses {
  readonly stats: ClassStats[];
  private readonly random: RandomStream;
  /** Running totals of the weights, for one draw per arrival. */
  private readonly cumulative: number[];

  constructor(
    readonly classes: readonly OperationRuntime[],
    seed: number,
    clock: BucketClock,
  ) {
    this.random = new RandomStream(seed, 'classes');
    this.stats = classes.map(() => new ClassStats(clock));
    let total = 0;
    this.cumulative = classes.map((c) => (total += c.weight));
  }

  /** The class of the next arriving request. */
  pick(): OperationRuntime {
    const { classes, cumulative } = this;
    if (classes.length === 1) return classes[0]!;
    const u = this.random.next() * cumulative[cumulative.length - 1]!;
    for (let i = 0; i < cumulative.length - 1; i++) if (u < cumulative[i]!) return classes[i]!;
    return classes[classes.length - 1]!;
  }
}

/** The entry's classes when its design declares operations; null keeps results as they were without them. */
export function requestClassesOf(entry: ComponentRuntime, seed: number, clock: BucketClock): RequestClasses | null {
  return entry.spec.operations ? new RequestClasses(entry.operations, seed, clock) : null;
}
