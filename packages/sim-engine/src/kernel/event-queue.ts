/**
 * Events scheduled a fixed delay after "now" arrive in time order, so a FIFO ring keeps them
 * sorted for free. Timeouts are such events, and most are cancelled before they fire: kept out
 * of the heap, they cost O(1) instead of deepening every sift. So are messages over a connection
 * of constant latency, and events due at once.
 */
// An event's kind (5 bits) and reference share one integer: one array fewer to move per sift.
const KIND_BITS = 5;
const KIND_MASK = (1 << KIND_BITS) - 1;
/** Lanes beyond those a run needs (timeouts) are made while there are fewer than this many. */
const MAX_OPTIONAL_LANES = 12;
/** Up to this many events, a heap's sift is cheaper than finding the earliest lane again. */
const SHALLOW_HEAP = 16;

class Lane {
  constructor(readonly delay: number) {}
  time = new Float64Array(256);
  seq = new Float64Array(256);
  kindRef = new Int32Array(256);
  gen = new Int32Array(256);
  head = 0;
  count = 0;

  push(time: number, seq: number, kindRef: number, gen: number): void {
    if (this.count === this.time.length) this.grow();
    const i = (this.head + this.count) & (this.time.length - 1);
    this.time[i] = time;
    this.seq[i] = seq;
    this.kindRef[i] = kindRef;
    this.gen[i] = gen;
    this.count++;
  }

  /** Doubles the ring (it is full), oldest event first: two block copies per array. */
  private grow(): void {
    const unroll = <T extends Float64Array | Int32Array>(ring: T, grown: T): T => {
      grown.set(ring.subarray(this.head));
      grown.set(ring.subarray(0, this.head), ring.length - this.head);
      return grown;
    };
    const size = this.time.length * 2;
    this.time = unroll(this.time, new Float64Array(size));
    this.seq = unroll(this.seq, new Float64Array(size));
    this.kindRef = unroll(this.kindRef, new Int32Array(size));
    this.gen = unroll(this.gen, new Int32Array(size));
    this.head = 0;
  }
}

/**
 * The future event list: a heap ordered by (time, sequence), kept in one typed array so that
 * millions of events cost no allocation, plus FIFO lanes for fixed-delay timers. Ties in time run
 * in the order they were scheduled, which keeps runs deterministic. An event is an integer kind,
 * an integer reference (usually a pooled object's index) and a generation: a cancelled event is
 * left where it is and recognised as stale when it comes out (lazy cancellation).
 */
export class EventQueue {
  private readonly lanes: Lane[] = [];
  private readonly laneByDelay = new Map<number, number>();
  // Four numbers per event, side by side: time, sequence, kind|ref, generation. A node's four
  // children are sixteen adjacent numbers: two cache lines per level of the sift.
  private heap: Float64Array;
  private count = 0;
  private nextSeq = 0;
  // Each lane's head as (time, sequence), Infinity when empty: one tight array to scan.
  private heads = new Float64Array(32).fill(Infinity);
  // The lane whose head is the earliest of all lanes' heads (-1: every lane is empty).
  private laneBest = -1;
  private laneTime = Infinity;
  private laneSeq = Infinity;

  // The event just taken by pop().
  poppedTime = 0;
  poppedKind = 0;
  poppedRef = 0;
  poppedGen = 0;

  constructor(capacity = 1024) {
    this.heap = new Float64Array(capacity * 4);
  }

  /** A lane for events always scheduled `delay` after the current time. */
  laneFor(delay: number): number {
    let lane = this.laneByDelay.get(delay);
    if (lane === undefined) {
      lane = this.lanes.length;
      this.lanes.push(new Lane(delay));
      if (2 * this.lanes.length > this.heads.length) {
        const grown = new Float64Array(this.heads.length * 2).fill(Infinity);
        grown.set(this.heads);
        this.heads = grown;
      }
      this.laneByDelay.set(delay, lane);
    }
    return lane;
  }

  /**
   * A lane for `delay` when one exists or there is room for one more, else -1. Every pop looks at
   * the lanes' earliest head, which a lane's pop finds again by scanning them: their number is capped.
   */
  optionalLaneFor(delay: number): number {
    const lane = this.laneByDelay.get(delay);
    if (lane !== undefined) return lane;
    return this.lanes.length < MAX_OPTIONAL_LANES ? this.laneFor(delay) : -1;
  }

  /**
   * Schedules `delay` after `now`: on `lane` when that lane is the one for this delay and the heap
   * is deep enough for a lane to be the cheaper place, else in the heap. Either place gives the
   * same order, so the choice changes no result.
   */
  pushAfter(lane: number, now: number, delay: number, kind: number, ref: number, gen: number): void {
    if (lane >= 0 && this.count > SHALLOW_HEAP && this.lanes[lane]!.delay === delay)
      this.pushLane(lane, now + delay, kind, ref, gen);
    else this.push(now + delay, kind, ref, gen);
  }

  /** Schedules on a lane; `time` must not be earlier than the lane's last event. */
  pushLane(lane: number, time: number, kind: number, ref: number, gen: number): void {
    const l = this.lanes[lane]!;
    const seq = this.nextSeq++;
    l.push(time, seq, (ref << KIND_BITS) | kind, gen);
    if (l.count !== 1) return;
    // Only a lane that was empty can bring a new earliest head: the others' heads are older.
    this.heads[2 * lane] = time;
    this.heads[2 * lane + 1] = seq;
    if (time < this.laneTime || (time === this.laneTime && seq < this.laneSeq)) {
      this.laneTime = time;
      this.laneSeq = seq;
      this.laneBest = lane;
    }
  }

  /** Finds the lane with the earliest head again, after that head was taken. */
  private findEarliestLane(): void {
    const heads = this.heads;
    let best = -1;
    let bestTime = Infinity;
    let bestSeq = Infinity;
    for (let l = 0; l < this.lanes.length; l++) {
      const t = heads[2 * l]!;
      if (t < bestTime || (t === bestTime && heads[2 * l + 1]! < bestSeq)) {
        best = l;
        bestTime = t;
        bestSeq = heads[2 * l + 1]!;
      }
    }
    this.laneBest = best;
    this.laneTime = bestTime;
    this.laneSeq = bestSeq;
  }

  push(time: number, kind: number, ref: number, gen: number): void {
    if (this.count * 4 === this.heap.length) {
      const grown = new Float64Array(this.heap.length * 2);
      grown.set(this.heap);
      this.heap = grown;
    }
    const heap = this.heap;
    const seq = this.nextSeq++;
    // Sift the hole up from the end (four children per node: half the levels of a binary heap).
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const p = parent * 4;
      const pt = heap[p]!;
      if (pt < time || (pt === time && heap[p + 1]! < seq)) break;
      const o = i * 4;
      heap[o] = pt;
      heap[o + 1] = heap[p + 1]!;
      heap[o + 2] = heap[p + 2]!;
      heap[o + 3] = heap[p + 3]!;
      i = parent;
    }
    const o = i * 4;
    heap[o] = time;
    heap[o + 1] = seq;
    heap[o + 2] = (ref << KIND_BITS) | kind;
    heap[o + 3] = gen;
  }

  /** Takes the earliest event, from the heap or a lane, into the popped* fields; false when empty. */
  pop(): boolean {
    const lane = this.laneBest;
    if (lane < 0) return this.popHeap();
    if (this.count > 0) {
      const t = this.heap[0]!;
      if (t < this.laneTime || (t === this.laneTime && this.heap[1]! < this.laneSeq)) return this.popHeap();
    }
    const best = this.lanes[lane]!;
    const h = best.head;
    this.poppedTime = best.time[h]!;
    const kindRef = best.kindRef[h]!;
    this.poppedKind = kindRef & KIND_MASK;
    this.poppedRef = kindRef >> KIND_BITS;
    this.poppedGen = best.gen[h]!;
    const next = (h + 1) & (best.time.length - 1);
    best.head = next;
    best.count--;
    this.heads[2 * lane] = best.count > 0 ? best.time[next]! : Infinity;
    this.heads[2 * lane + 1] = best.count > 0 ? best.seq[next]! : Infinity;
    this.findEarliestLane();
    return true;
  }

  private popHeap(): boolean {
    if (this.count === 0) return false;
    const heap = this.heap;
    this.poppedTime = heap[0]!;
    const kindRef = heap[2]!;
    this.poppedKind = kindRef & KIND_MASK;
    this.poppedRef = kindRef >> KIND_BITS;
    this.poppedGen = heap[3]!;
    const last = --this.count;
    if (last === 0) return true;
    const lo = last * 4;
    const t = heap[lo]!;
    const s = heap[lo + 1]!;
    // Sift the hole down from the root, then drop the last event into it.
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= last) break;
      let child = first;
      let ct = heap[first * 4]!;
      let cs = heap[first * 4 + 1]!;
      const end = first + 4 < last ? first + 4 : last;
      for (let c = first + 1; c < end; c++) {
        const tc = heap[c * 4]!;
        if (tc < ct || (tc === ct && heap[c * 4 + 1]! < cs)) {
          child = c;
          ct = tc;
          cs = heap[c * 4 + 1]!;
        }
      }
      if (t < ct || (t === ct && s < cs)) break;
      const o = i * 4;
      const co = child * 4;
      heap[o] = ct;
      heap[o + 1] = cs;
      heap[o + 2] = heap[co + 2]!;
      heap[o + 3] = heap[co + 3]!;
      i = child;
    }
    const o = i * 4;
    heap[o] = t;
    heap[o + 1] = s;
    heap[o + 2] = heap[lo + 2]!;
    heap[o + 3] = heap[lo + 3]!;
    return true;
  }
}
