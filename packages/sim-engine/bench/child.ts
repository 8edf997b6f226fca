// One benchmark measurement in a process of its own, so its peak RSS is its own.
import { createSimulation } from '../src/index.ts';
import { mm1Design, referenceDesign } from './workloads.ts';

const [workload = 'reference', requestsArg = '1000000'] = process.argv.slice(2);
const requests = Number(requestsArg);
const rate = workload === 'mm1' ? 800 : 20_000;
const design = workload === 'mm1' ? mm1Design(0.8) : referenceDesign(rate);
const durationMs = (requests / rate) * 1000;
const run = createSimulation(design, { durationMs, warmupMs: 0, seed: 1, replications: 1, scenario: { kind: 'single' } });
let peakRss = process.memoryUsage().rss;
const started = performance.now();
let events = 0;
while (!run.done) {
  events = run.advance({ maxEvents: 1_000_000 }).events;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const seconds = (performance.now() - started) / 1000;
const result = run.result();
console.log(
  JSON.stringify({
    workload,
    requests: result.totals.requests,
    events,
    seconds,
    eventsPerSecond: events / seconds,
    requestsPerSecond: result.totals.requests / seconds,
    peakRssMb: peakRss / 2 ** 20,
  }),
);
