import type { DesignInput } from './design.ts';
import { everythingExample } from './examples.ts';

/**
 * One broken rule each: a change to the everything example and the JSON pointer of the field that
 * must be named in the error. Shared by the schema tests and the design service's HTTP tests.
 */
export interface InvalidDesignExample {
  rule: string;
  path: string;
  break(design: MutableDesign): void;
}

// The examples edit a deep copy freely; the loose type keeps each edit to one line.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type MutableDesign = any;

export const invalidDesignExamples: InvalidDesignExample[] = [
  { rule: 'ids are slugs', path: '/components/0/id', break: (d) => (d.components[0].id = 'Shop pers!') },
  { rule: 'ids are unique', path: '/connections/1/id', break: (d) => (d.connections[1].id = d.connections[0].id) },
  { rule: 'ids are unique across the design', path: '/faults/0/id', break: (d) => (d.faults[0].id = 'db') },
  {
    rule: 'a connection source resolves',
    path: '/connections/0/source',
    break: (d) => (d.connections[0].source = 'nobody'),
  },
  {
    rule: 'a connection target resolves',
    path: '/connections/0/target',
    break: (d) => (d.connections[0].target = 'nowhere'),
  },
  {
    rule: 'a client cannot be called',
    path: '/connections/1/target',
    break: (d) => (d.connections[1].target = 'shoppers'),
  },
  {
    rule: 'a call names a connection',
    path: '/components/1/calls/0/connection',
    break: (d) => (d.components[1].calls[0].connection = 'missing'),
  },
  {
    rule: 'a call leaves from its component',
    path: '/components/1/calls/0/connection',
    break: (d) => (d.components[1].calls[0].connection = 'orders-db'),
  },
  {
    rule: 'only caches have a miss path',
    path: '/components/5/calls/0/onMiss',
    break: (d) => (d.components[5].calls[0].onMiss = true),
  },
  { rule: 'the workload entry resolves', path: '/workload/entry', break: (d) => (d.workload.entry = 'ghosts') },
  { rule: 'the workload entry is a client', path: '/workload/entry', break: (d) => (d.workload.entry = 'edge') },
  {
    rule: 'a profile needs open arrivals',
    path: '/workload/profile',
    break: (d) => (d.workload.arrival = { kind: 'closed', users: 10, thinkTime: { kind: 'constant', value: 100 } }),
  },
  {
    rule: 'a fault fits its target kind',
    path: '/faults/3/target',
    break: (d) => (d.faults[3].target = { component: 'catalog' }),
  },
  {
    rule: 'a component fault does not target a connection',
    path: '/faults/0/target',
    break: (d) => (d.faults[0].target = { connection: 'orders-db' }),
  },
  {
    rule: 'a fault target resolves',
    path: '/faults/0/target/component',
    break: (d) => (d.faults[0].target = { component: 'mainframe' }),
  },
  {
    rule: 'a reorder fault needs an async connection',
    path: '/faults/5/target/connection',
    break: (d) => (d.faults[5].target = { connection: 'orders-db' }),
  },
  {
    rule: 'a fault does not target a client',
    path: '/faults/2/target/component',
    break: (d) => (d.faults[2].target = { component: 'shoppers' }),
  },
  {
    rule: 'a crash takes down existing instances',
    path: '/faults/0/params/instances',
    break: (d) => (d.faults[0].params.instances = 2),
  },
  {
    rule: 'probabilities are in [0, 1]',
    path: '/faults/1/schedule/probability',
    break: (d) => (d.faults[1].schedule.probability = 1.5),
  },
  {
    rule: 'ramps are in [0, 1]',
    path: '/faults/1/schedule/ramp/to',
    break: (d) => (d.faults[1].schedule.ramp.to = -0.1),
  },
  {
    rule: 'a ramp needs a window',
    path: '/faults/1/schedule/ramp',
    break: (d) => (d.faults[1].schedule.durationMs = null),
  },
  { rule: 'durations are >= 0', path: '/faults/0/schedule/startMs', break: (d) => (d.faults[0].schedule.startMs = -5) },
  {
    rule: 'latencies are >= 0',
    path: '/connections/0/latency/value',
    break: (d) => (d.connections[0].latency.value = -1),
  },
  {
    rule: 'intensity is in (0, 1]',
    path: '/faults/7/params/intensity',
    break: (d) => (d.faults[7].params.intensity = 0),
  },
  {
    rule: 'error faults list error kinds',
    path: '/faults/2/params/errorTypes',
    break: (d) => (d.faults[2].params.errorTypes = []),
  },
  {
    rule: 'error kinds are known',
    path: '/faults/2/params/errorTypes/0',
    break: (d) => (d.faults[2].params.errorTypes = ['gremlins']),
  },
  {
    rule: 'percentages are in [0, 100]',
    path: '/components/2/resilience/2/params/failureRateThreshold',
    break: (d) => (d.components[2].resilience[2].params.failureRateThreshold = 120),
  },
  {
    rule: 'maxAttempts is >= 1',
    path: '/components/5/resilience/0/params/maxAttempts',
    break: (d) => (d.components[5].resilience[0].params.maxAttempts = 0),
  },
  {
    rule: "a policy connection is one of the component's own",
    path: '/components/5/resilience/0/connection',
    break: (d) => (d.components[5].resilience[0].connection = 'cache-db'),
  },
  {
    rule: 'one policy of a type per target',
    path: '/components/5/resilience/3/type',
    break: (d) => d.components[5].resilience.push({ type: 'timeout', params: { timeoutMs: 100 } }),
  },
  {
    rule: 'one inbound guard of a type',
    path: '/components/1/inbound/2/type',
    break: (d) => d.components[1].inbound.push({ type: 'load-shedding', params: { maxInFlight: 10 } }),
  },
  { rule: 'replicas is >= 1', path: '/components/2/replicas', break: (d) => (d.components[2].replicas = 0) },
  { rule: 'unknown fields are refused', path: '/components/2/replica', break: (d) => (d.components[2].replica = 3) },
  { rule: 'component kinds are known', path: '/components/4/kind', break: (d) => (d.components[4].kind = 'mainframe') },
  {
    rule: 'a uniform max is >= min',
    path: '/components/3/serviceTime/max',
    break: (d) => (d.components[3].serviceTime = { kind: 'uniform', min: 5, max: 1 }),
  },
  { rule: 'hit ratios are in [0, 1]', path: '/components/3/hitRatio', break: (d) => (d.components[3].hitRatio = 2) },
  {
    rule: 'no synchronous call cycle',
    path: '/connections/9',
    break: (d) =>
      d.connections.push({
        id: 'db-orders',
        source: 'db',
        target: 'orders',
        mode: 'sync',
        latency: { kind: 'constant', value: 1 },
      }),
  },
  { rule: 'a design has a name', path: '/name', break: (d) => (d.name = '  ') },
];

export function brokenDesign(example: InvalidDesignExample): DesignInput {
  const design: DesignInput = JSON.parse(JSON.stringify(everythingExample));
  example.break(design);
  return design;
}
