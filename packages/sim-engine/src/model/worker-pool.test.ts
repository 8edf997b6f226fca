import { describe, expect, it } from 'vitest';
import { chain, client, server, settings } from '../testing.test-helpers.ts';
import { ROOT } from './requests.ts';
import { Simulation } from './simulation.ts';
import { FULL, QUEUED, STARTS } from './worker-pool.ts';

// The worker pool on its own: two workers and room for one waiting request.
function pool() {
  const design = chain([client, server('api', { concurrency: 2, queueCapacity: 1 })]);
  const sim = new Simulation(design, settings({ durationMs: 1000 }), 1);
  const component = sim.model.byId.get('api')!;
  const instance = component.instances[0]!;
  const hop = () => {
    const h = sim.hops.take();
    h.reset(ROOT, component, component.operations[0]!, 0);
    h.instance = instance;
    return h;
  };
  return { sim, component, workers: instance.workers, hop };
}

describe('worker pool', () => {
  it('starts requests while workers are free, queues the next, and is full past its queue capacity', () => {
    const { sim, component, workers, hop } = pool();
    const [a, b, c, d] = [hop(), hop(), hop(), hop()];
    expect(workers.admit(sim, a)).toBe(STARTS);
    workers.occupy(sim, a);
    expect(workers.admit(sim, b)).toBe(STARTS);
    workers.occupy(sim, b);
    expect(workers.admit(sim, c)).toBe(QUEUED);
    expect(workers.admit(sim, d)).toBe(FULL);
    expect({ busy: workers.busy, queued: workers.queued }).toEqual({ busy: 2, queued: 1 });
    expect({ inFlight: component.inFlight, busy: component.busyTotal, queued: component.queuedTotal }).toEqual({
      inFlight: 3,
      busy: 2,
      queued: 1,
    });
  });

  it('a released worker goes to the request that waited longest, once', () => {
    const { sim, component, workers, hop } = pool();
    const [a, b, c] = [hop(), hop(), hop()];
    for (const h of [a, b]) {
      workers.admit(sim, h);
      workers.occupy(sim, h);
    }
    workers.admit(sim, c);
    expect(workers.nextQueued(sim)).toBeNull(); // no worker free yet
    expect(workers.release(sim, a)).toBe(true);
    expect(workers.nextQueued(sim)).toBe(c);
    workers.occupy(sim, c);
    expect(workers.nextQueued(sim)).toBeNull();
    expect({ busy: workers.busy, queued: workers.queued, inFlight: component.inFlight }).toEqual({
      busy: 2,
      queued: 0,
      inFlight: 2,
    });
    // A hop that holds no worker frees none.
    expect(workers.release(sim, a)).toBe(false);
  });

  it('a shrunken pool (connection exhaustion) starts nothing until a worker is back under the limit', () => {
    const { sim, component, workers, hop } = pool();
    const [a, b] = [hop(), hop()];
    component.effectiveConcurrency = 1;
    expect(workers.admit(sim, a)).toBe(STARTS);
    workers.occupy(sim, a);
    expect(workers.admit(sim, b)).toBe(QUEUED);
    component.effectiveConcurrency = 2;
    expect(workers.nextQueued(sim)).toBe(b);
  });

  it('evictAll lets every request in flight go, queued or working, and leaves the counters at zero', () => {
    const { sim, component, workers, hop } = pool();
    const [a, b, c] = [hop(), hop(), hop()];
    for (const h of [a, b]) {
      workers.admit(sim, h);
      workers.occupy(sim, h);
    }
    workers.admit(sim, c);
    const evicted = workers.evictAll(sim);
    expect(new Set(evicted)).toEqual(new Set([a, b, c]));
    expect(evicted.every((h) => !h.holdsWorker && !h.linked)).toBe(true);
    expect({ busy: workers.busy, queued: workers.queued }).toEqual({ busy: 0, queued: 0 });
    expect({ inFlight: component.inFlight, busy: component.busyTotal, queued: component.queuedTotal }).toEqual({
      inFlight: 0,
      busy: 0,
      queued: 0,
    });
    // The pool takes new work at once.
    expect(workers.admit(sim, hop())).toBe(STARTS);
  });
});
