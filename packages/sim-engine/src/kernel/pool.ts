/** What a pool needs of its objects: an index, a generation, and a link for the free list. */
interface Pooled<T> {
  gen: number;
  readonly id: number;
  nextFree: T | null;
}

/**
 * A free list over objects of one class; an object's generation changes each time it is reused,
 * so an event that names an object by index and generation can tell it has gone stale. The free
 * objects are linked through their own `nextFree`, so taking and releasing touch no array.
 */
export class Pool<T extends Pooled<T>> {
  readonly all: T[] = [];
  private free: T | null = null;
  constructor(private readonly make: (id: number) => T) {}

  take(): T {
    const item = this.free;
    if (item !== null) {
      this.free = item.nextFree;
      return item;
    }
    const made = this.make(this.all.length);
    this.all.push(made);
    return made;
  }

  release(item: T): void {
    item.gen++;
    item.nextFree = this.free;
    this.free = item;
  }
}
