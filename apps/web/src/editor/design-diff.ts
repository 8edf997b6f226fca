import { validateDesign, type DesignInput } from '@faultline/schemas';
import { componentName, connectionName, connectionNameById, targetName } from './names.ts';

/** One difference between their version and the draft, in a person's words. */
export interface Difference {
  /** The component, connection, fault or design section it belongs to, by name. */
  where: string;
  /** The field, in words; empty when the whole part is only on one side. */
  field: string;
  theirs: string;
  mine: string;
}

type Design = DesignInput;
type Named = { id: string };

const LABELS: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  kind: 'Kind',
  replicas: 'Replicas',
  concurrency: 'Concurrency',
  queueCapacity: 'Queue capacity',
  serviceTime: 'Service time',
  hitRatio: 'Hit ratio',
  consumers: 'Consumers',
  maxDepth: 'Maximum depth',
  balancing: 'Balancing',
  calls: 'Calls',
  resilience: 'Policies',
  inbound: 'Inbound guards',
  operations: 'Operations',
  position: 'Position',
  mode: 'Mode',
  latency: 'Latency',
  payloadBytes: 'Payload',
  type: 'Type',
  target: 'Target',
  params: 'Parameters',
  schedule: 'Schedule',
  enabled: 'Enabled',
  entry: 'Entry',
  arrival: 'Arrivals',
  ratePerSecond: 'Arrival rate',
  profile: 'Rate profile',
  clientTimeoutMs: 'Client timeout',
  availability: 'Availability',
  errorRate: 'Error rate',
  p99LatencyMs: 'p99 latency',
  latencyDegradationMs: 'Latency degradation',
  mttrMs: 'MTTR',
  recoveryTimeMs: 'Recovery time',
  classes: 'Request classes',
};

/** A field's words: the table's, else its camelCase name spelled out ("maxAttempts": "Max attempts"). */
export const fieldLabel = (key: string) =>
  LABELS[key] ??
  key
    .replace(/([a-z0-9])([A-Z])/g, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`)
    .replace(/^./, (c) => c.toUpperCase());

const ABSENT = '—';

/** A value in short words: `exponential, mean 10` rather than JSON. */
export function shortValue(value: unknown): string {
  if (value === undefined) return ABSENT;
  if (value === null) return 'none';
  if (Array.isArray(value)) return value.length ? value.map(shortValue).join('; ') : 'none';
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.map(([k, v]) => (k === 'kind' || k === 'type' ? shortValue(v) : `${k} ${shortValue(v)}`)).join(', ');
  }
  return String(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A stored design states every default; the draft may leave some out. Compare both as stored. */
function asStored(design: Design): Design {
  const parsed = validateDesign(design);
  return parsed.success ? (parsed.design as Design) : design;
}

/** Lists (calls, policies) named after what they point at, so a change reads by names. */
function namedValue(design: Design, key: string, value: unknown): string {
  if (!Array.isArray(value)) return shortValue(value);
  if (key === 'calls')
    return value.length
      ? value.map((call: { connection: string }) => `to ${connectionNameById(design, call.connection)}`).join('; ')
      : 'none';
  if (key === 'resilience')
    return value.length
      ? value
          .map((p: { type: string; connection?: string }) =>
            p.connection ? `${p.type} on ${connectionNameById(design, p.connection)}` : `${p.type} on every call`,
          )
          .join('; ')
      : 'none';
  if (key === 'operations')
    return value.length ? value.map((o: { name: string; calls?: unknown[] }) => o.name).join('; ') : 'none';
  if (key === 'inbound') return value.length ? value.map((p: { type: string }) => p.type).join('; ') : 'none';
  return shortValue(value);
}

function fieldDifferences(
  where: string,
  theirs: Record<string, unknown>,
  mine: Record<string, unknown>,
  designs: { theirs: Design; mine: Design },
  skip: string[] = ['id'],
): Difference[] {
  const keys = [...new Set([...Object.keys(theirs), ...Object.keys(mine)])].filter((k) => !skip.includes(k));
  return keys
    .filter((k) => !same(theirs[k], mine[k]))
    .map((k) => ({
      where,
      field: fieldLabel(k),
      theirs: k === 'position' ? 'moved' : namedValue(designs.theirs, k, theirs[k]),
      mine: k === 'position' ? 'moved' : namedValue(designs.mine, k, mine[k]),
    }));
}

/** Parts matched by id: changed fields, and parts only on one side. */
function listDifferences<T extends Named>(
  theirs: readonly T[],
  mine: readonly T[],
  name: (part: T, side: 'theirs' | 'mine') => string,
  designs: { theirs: Design; mine: Design },
): Difference[] {
  const theirsById = new Map(theirs.map((p) => [p.id, p]));
  const mineById = new Map(mine.map((p) => [p.id, p]));
  const differences: Difference[] = [];
  for (const part of mine) {
    const other = theirsById.get(part.id);
    if (!other) differences.push({ where: name(part, 'mine'), field: '', theirs: ABSENT, mine: 'added' });
    else differences.push(...fieldDifferences(name(part, 'mine'), other, part, designs));
  }
  for (const part of theirs)
    if (!mineById.has(part.id))
      differences.push({ where: name(part, 'theirs'), field: '', theirs: 'added', mine: ABSENT });
  return differences;
}

/**
 * What changed between their version (saved meanwhile) and the draft, by component, connection,
 * fault and design section, each named as the user sees it.
 */
export function designDifferences(theirsInput: Design, mineInput: Design): Difference[] {
  const theirs = asStored(theirsInput);
  const mine = asStored(mineInput);
  const designs = { theirs, mine };
  const sideOf = (side: 'theirs' | 'mine') => designs[side];
  return [
    ...fieldDifferences('Design', theirs, mine, designs, ['components', 'connections', 'faults', 'workload', 'slo']),
    ...fieldDifferences('Workload', theirs.workload ?? {}, mine.workload ?? {}, designs, []),
    ...fieldDifferences('SLO', theirs.slo ?? {}, mine.slo ?? {}, designs, []),
    ...listDifferences(theirs.components, mine.components, (c) => c.name, designs),
    ...listDifferences(
      theirs.connections ?? [],
      mine.connections ?? [],
      (c, side) => connectionName(sideOf(side), c),
      designs,
    ),
    ...listDifferences(
      theirs.faults ?? [],
      mine.faults ?? [],
      (f, side) => `Fault “${f.name}” on ${targetName(sideOf(side), f.target)}`,
      designs,
    ),
  ].map((d) => (d.where === 'Workload' && d.field === 'Entry' ? entryByName(d, designs) : d));
}

/** The workload's entry is an id; it reads as the client's name. */
const entryByName = (d: Difference, designs: { theirs: Design; mine: Design }): Difference => ({
  ...d,
  theirs: componentName(designs.theirs, d.theirs),
  mine: componentName(designs.mine, d.mine),
});
