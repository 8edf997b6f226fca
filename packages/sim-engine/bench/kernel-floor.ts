// The machine's own ceiling for M/M/1: the engine's event queue, random streams and histogram
// in a loop that does nothing else (no components, calls, policies or statistics beyond one
// latency histogram). The same five events per request as the engine's M/M/1: arrival, arrival
// at the server, service done, answer, and the client's timeout found stale. The engine's
// figures read against this one show what the model costs over the kernel on this machine.
import { EventQueue } from '../src/kernel/event-queue.ts';
import { RandomStream } from '../src/kernel/random.ts';
import { LatencyHistogram } from '../src/stats/histogram.ts';

const ARRIVAL = 1;
const AT_SERVER = 2;
const DONE = 3;
const ANSWER = 4;
const TIMEOUT = 5;

export function kernelFloor(requests: number): { requests: number; events: number } {
  const queue = new EventQueue(4096);
  const timeouts = queue.laneFor(30_000);
  const arrivals = new RandomStream(1, 'arrivals');
  const service = new RandomStream(1, 'service');
  const latency = new LatencyHistogram();
  // Requests in flight live in rings indexed by request number.
  const ring = 1 << 16;
  const arrivedAt = new Float64Array(ring);
  const waiting = new Int32Array(ring);
  let waitHead = 0;
  let waitTail = 0;
  let busy = false;
  let sent = 0;
  let events = 0;
  queue.push(arrivals.exponential(1.25), ARRIVAL, 0, 0);
  while (queue.pop()) {
    events++;
    const now = queue.poppedTime;
    const id = queue.poppedRef;
    switch (queue.poppedKind) {
      case ARRIVAL: {
        const request = sent++ & (ring - 1);
        arrivedAt[request] = now;
        queue.pushLane(timeouts, now + 30_000, TIMEOUT, request, 0);
        queue.push(now, AT_SERVER, request, 0);
        if (sent < requests) queue.push(now + arrivals.exponential(1.25), ARRIVAL, 0, 0);
        break;
      }
      case AT_SERVER:
        if (busy) waiting[waitTail++ & (ring - 1)] = id;
        else {
          busy = true;
          queue.push(now + service.exponential(1), DONE, id, 0);
        }
        break;
      case DONE:
        queue.push(now, ANSWER, id, 0);
        if (waitHead === waitTail) busy = false;
        else queue.push(now + service.exponential(1), DONE, waiting[waitHead++ & (ring - 1)]!, 0);
        break;
      case ANSWER:
        latency.record(now - arrivedAt[id]!);
        break;
      case TIMEOUT:
        break; // answered long ago: stale, as the engine's are
    }
  }
  return { requests: latency.count, events };
}
