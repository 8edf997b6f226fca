import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue.ts';
import { RandomStream } from './random.ts';

function drain(queue: EventQueue): [number, number][] {
  const out: [number, number][] = [];
  while (queue.pop()) out.push([queue.poppedTime, queue.poppedRef]);
  return out;
}

describe('the event queue', () => {
  it('gives events in time order, ties in the order they were scheduled', () => {
    const queue = new EventQueue(2);
    const times = [5, 1, 3, 1, 5, 0, 3, 1];
    times.forEach((t, ref) => queue.push(t, 1, ref, 0));
    expect(drain(queue)).toEqual([
      [0, 5],
      [1, 1],
      [1, 3],
      [1, 7],
      [3, 2],
      [3, 6],
      [5, 0],
      [5, 4],
    ]);
  });

  it('merges fixed-delay lanes with the heap by time, then by scheduling order', () => {
    const queue = new EventQueue();
    const lane = queue.laneFor(10);
    queue.pushLane(lane, 10, 2, 100, 0);
    queue.push(10, 1, 1, 0);
    queue.pushLane(lane, 12, 2, 101, 0);
    queue.push(11, 1, 2, 0);
    queue.push(12, 1, 3, 0);
    expect(drain(queue)).toEqual([
      [10, 100],
      [10, 1],
      [11, 2],
      [12, 101],
      [12, 3],
    ]);
  });

  it('stays sorted through a million random pushes and pops, growing as needed', () => {
    const queue = new EventQueue(4);
    const random = new RandomStream(1, 'test');
    let last = -Infinity;
    let popped = 0;
    for (let i = 0; i < 1_000_000; i++) {
      queue.push(last === -Infinity ? random.next() : last + random.next() * 100, 1, i & 0xffff, 0);
      if (i % 3 === 0 && queue.pop()) {
        if (queue.poppedTime < last) throw new Error('out of order');
        last = queue.poppedTime;
        popped++;
      }
    }
    while (queue.pop()) {
      if (queue.poppedTime < last) throw new Error('out of order');
      last = queue.poppedTime;
      popped++;
    }
    expect(popped).toBe(1_000_000);
  });

  it('gives the same order whether a fixed delay goes to its lane or to the heap', () => {
    // A simulation in miniature: each event schedules a follow-up after a random or a fixed
    // delay. Whole-number times make ties between the lanes and the heap common.
    const delays = [0, 1, 2];
    const run = (useLanes: boolean): [number, number][] => {
      const queue = new EventQueue();
      const lanes = delays.map((delay) => (useLanes ? queue.optionalLaneFor(delay) : -1));
      const random = new RandomStream(7, 'lanes');
      for (let ref = 0; ref < 200; ref++) queue.push(random.int(10), 1, ref, 0);
      const order: [number, number][] = [];
      while (order.length < 50_000 && queue.pop()) {
        const now = queue.poppedTime;
        const ref = queue.poppedRef;
        order.push([now, ref]);
        const pick = random.int(4);
        if (pick === 3) queue.push(now + random.int(5), 1, ref, 0);
        else queue.pushAfter(lanes[pick]!, now, delays[pick]!, 1, ref, 0);
      }
      return order;
    };
    const withLanes = run(true);
    const heapOnly = run(false);
    expect(withLanes).toHaveLength(50_000);
    const firstDifference = withLanes.findIndex(
      ([time, ref], i) => time !== heapOnly[i]![0] || ref !== heapOnly[i]![1],
    );
    expect(firstDifference).toBe(-1);
  });

  it('keeps a lane in order when it grows while wrapped around its ring', () => {
    const queue = new EventQueue();
    const lane = queue.laneFor(10);
    let next = 0;
    const pushLane = (n: number) => {
      for (let i = 0; i < n; i++, next++) queue.pushLane(lane, next, 1, next, 0);
    };
    // Take 150 from the front, so the ring's oldest event sits mid-array when it fills and grows.
    pushLane(200);
    for (let i = 0; i < 150; i++) queue.pop();
    pushLane(1000);
    const refs: number[] = [];
    while (queue.pop()) refs.push(queue.poppedRef);
    expect(refs).toEqual(Array.from({ length: 1050 }, (_, i) => 150 + i));
  });

  it('carries kind, reference and generation intact', () => {
    const queue = new EventQueue();
    queue.push(1, 17, 12_345_678, -3);
    queue.pop();
    expect([queue.poppedKind, queue.poppedRef, queue.poppedGen]).toEqual([17, 12_345_678, -3]);
  });
});
