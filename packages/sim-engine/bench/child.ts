// One benchmark measurement in a process of its own, so its peak RSS is its own.
import { createSimulation } from '../src/index.ts';
import { kernelFloor } from './kernel-floor.ts';
import { mm1Design, referenceDesign } from './workloads.ts';

const [workload = 'reference', requestsArg = '1000000'] = process.argv.slice(2);
const requested = Number(requestsArg);

/** Runs the engine on a benchmark design; peak RSS is sampled between slices. */
function engine(onSlice: () => void): { requests: number; events: number } {
  const rate = workload === 'mm1' ? 800 : 20_000;
  const design = workload === 'mm1' ? mm1Design(0.8) : referenceDesign(rate);
  const durationMs = (requested / rate) * 1000;
  const run = createSimulation(design, {
    durationMs,
    warmupMs: 0,
    seed: 1,
    replications: 1,
    scenario: { kind: 'single' },
  });
  let events = 0;
  while (!run.done) {
    events = run.advance({ maxEvents: 1_000_000 }).events;
    onSlice();
  }
  return { requests: run.result().totals.requests, events };
}

let peakRss = process.memoryUsage().rss;
const started = performance.now();
const { requests, events } =
  workload === 'kernel'
    ? kernelFloor(requested)
    : engine(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)));
const seconds = (performance.now() - started) / 1000;
peakRss = Math.max(peakRss, process.memoryUsage().rss);
console.log(
  JSON.stringify({
    workload,
    requests,
    events,
    seconds,
    eventsPerSecond: events / seconds,
    requestsPerSecond: requests / seconds,
    peakRssMb: peakRss / 2 ** 20,
  }),
);
