import { z } from 'zod';
import { FaultSchema, type FaultInput } from './fault.ts';
import { DurationMsSchema, SlugSchema } from './ids.ts';

// The presets of SPEC §5: named fault set-ups a person applies to one component or connection
// instead of filling in the forms by hand. Each fills in faults (with their schedules) for the
// chosen target, starting at `startMs` (default 10 s, after a typical warm-up).

type TargetKind = 'component' | 'connection';
type FaultBody = Pick<FaultInput, 'type' | 'params' | 'schedule'>;

interface PresetDefinition {
  id: string;
  name: string;
  description: string;
  target: TargetKind;
  faults: (startMs: number) => FaultBody[];
}

const window = (startMs: number, durationMs: number) => ({ startMs, durationMs });

const stress = (resource: 'cpu' | 'memory' | 'disk-io', label: string): PresetDefinition[] =>
  (
    [
      ['light', 0.3],
      ['medium', 0.6],
      ['heavy', 0.9],
    ] as const
  ).map(([level, intensity]) => ({
    id: `${label.toLowerCase()}-stress-${level}`,
    name: `${label} stress, ${level}`,
    description: `${label} held at ${intensity * 100} % for 30 s: work on the component slows down${resource === 'memory' ? ' and instances past their limit are killed' : ''}.`,
    target: 'component',
    faults: (startMs) => [
      { type: 'resource-exhaustion', params: { resource, intensity }, schedule: window(startMs, 30_000) },
    ],
  }));

const DEFINITIONS: PresetDefinition[] = [
  {
    id: 'gradual-degradation',
    name: 'Gradual degradation',
    description: 'Added latency (300 ms on average) that reaches more and more requests over 60 s, from none to all.',
    target: 'component',
    faults: (startMs) => [
      {
        type: 'latency',
        params: { addMs: { kind: 'exponential', mean: 300 } },
        schedule: { ...window(startMs, 60_000), ramp: { from: 0, to: 1 } },
      },
    ],
  },
  {
    id: 'sudden-failure',
    name: 'Sudden failure',
    description: 'Every instance crashes at once and refuses connections for 20 s, then restarts.',
    target: 'component',
    faults: (startMs) => [
      { type: 'crash', params: { instances: 'all', mode: 'refuse' }, schedule: window(startMs, 20_000) },
    ],
  },
  {
    id: 'intermittent-failures',
    name: 'Intermittent failures',
    description: 'Half of the requests fail with an internal error for 2 s out of every 10 s, for a minute.',
    target: 'component',
    faults: (startMs) => [
      {
        type: 'error',
        params: { errorTypes: ['internal-error'] },
        schedule: { ...window(startMs, 60_000), probability: 0.5, intermittent: { onMs: 2_000, offMs: 8_000 } },
      },
    ],
  },
  {
    id: 'cascading-failure',
    name: 'Cascading failure',
    description:
      'The component answers 2 s late for 30 s: callers hold their workers while they wait, and the slowness spreads upstream.',
    target: 'component',
    faults: (startMs) => [
      { type: 'latency', params: { addMs: { kind: 'constant', value: 2_000 } }, schedule: window(startMs, 30_000) },
    ],
  },
  ...stress('cpu', 'CPU'),
  ...stress('memory', 'Memory'),
  ...stress('disk-io', 'Disk'),
  ...(
    [
      ['light', 50],
      ['medium', 200],
      ['heavy', 1_000],
    ] as const
  ).map(([level, addMs]): PresetDefinition => ({
    id: `latency-stress-${level}`,
    name: `Latency stress, ${level}`,
    description: `${addMs} ms added to every request for 30 s.`,
    target: 'component',
    faults: (startMs) => [
      { type: 'latency', params: { addMs: { kind: 'constant', value: addMs } }, schedule: window(startMs, 30_000) },
    ],
  })),
  ...[5, 15, 30].map((percent): PresetDefinition => ({
    id: `packet-loss-${percent}`,
    name: `Packet loss ${percent} %`,
    description: `${percent} % of the messages on the connection are lost for 30 s.`,
    target: 'connection',
    faults: (startMs) => [
      { type: 'packet-loss', params: {}, schedule: { ...window(startMs, 30_000), probability: percent / 100 } },
    ],
  })),
  {
    id: 'instance-crash',
    name: 'Instance crash',
    description: 'One instance crashes and comes back after 20 s; the others keep serving.',
    target: 'component',
    faults: (startMs) => [
      { type: 'crash', params: { instances: 1, mode: 'refuse' }, schedule: window(startMs, 20_000) },
    ],
  },
  ...(
    [
      ['brief', 10_000],
      ['extended', 30_000],
    ] as const
  ).map(([length, durationMs]): PresetDefinition => ({
    id: `database-outage-${length}`,
    name: `Database outage, ${length} (${durationMs / 1000} s)`,
    description: `The database refuses every connection for ${durationMs / 1000} s.`,
    target: 'component',
    faults: (startMs) => [
      { type: 'crash', params: { instances: 'all', mode: 'refuse' }, schedule: window(startMs, durationMs) },
    ],
  })),
];

export const ScenarioPresetSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  /** What the preset's faults attach to. */
  target: z.enum(['component', 'connection']),
});
export type ScenarioPreset = z.infer<typeof ScenarioPresetSchema>;

export const SCENARIO_PRESETS: ScenarioPreset[] = DEFINITIONS.map(({ id, name, description, target }) => ({
  id,
  name,
  description,
  target,
}));

export const PresetFaultsQuerySchema = z
  .object({
    component: SlugSchema.optional(),
    connection: SlugSchema.optional(),
    startMs: z.coerce.number().pipe(DurationMsSchema).default(10_000),
  })
  .refine((q) => (q.component === undefined) !== (q.connection === undefined), {
    message: 'give exactly one of component or connection',
    path: ['component'],
  });
export type PresetFaultsQuery = z.infer<typeof PresetFaultsQuerySchema>;

export const PresetIdParamsSchema = z.object({
  presetId: z.enum(DEFINITIONS.map((d) => d.id) as [string, ...string[]]),
});

/**
 * The preset's faults for one target, ready to add to a design: ids are `<preset>-<target>`
 * (numbered when a preset has several faults), every default filled in.
 * Returns an error message instead when the target is of the wrong kind.
 */
export function presetFaults(presetId: string, query: PresetFaultsQuery): z.output<typeof FaultSchema>[] | string {
  const preset = DEFINITIONS.find((d) => d.id === presetId);
  if (!preset) return `no preset "${presetId}"`;
  const targetId = query.component ?? query.connection!;
  const kind: TargetKind = query.component !== undefined ? 'component' : 'connection';
  if (kind !== preset.target) return `the preset "${preset.id}" applies to a ${preset.target}, not a ${kind}`;
  const bodies = preset.faults(query.startMs);
  return bodies.map((body, index) =>
    FaultSchema.parse({
      ...body,
      id: `${preset.id}-${targetId}${bodies.length > 1 ? `-${index + 1}` : ''}`.slice(0, 64),
      name: `${preset.name} on ${targetId}`,
      target: kind === 'component' ? { component: targetId } : { connection: targetId },
    }),
  );
}
