import { describe, expect, it } from 'vitest';
import { checkoutExample } from './examples.ts';
import { validateDesign } from './design.ts';
import { PresetFaultsQuerySchema, presetFaults, SCENARIO_PRESETS } from './scenario-presets.ts';

const SPEC_PRESETS = [
  'gradual-degradation',
  'sudden-failure',
  'intermittent-failures',
  'cascading-failure',
  'cpu-stress-light',
  'cpu-stress-medium',
  'cpu-stress-heavy',
  'memory-stress-light',
  'memory-stress-medium',
  'memory-stress-heavy',
  'disk-stress-light',
  'disk-stress-medium',
  'disk-stress-heavy',
  'latency-stress-light',
  'latency-stress-medium',
  'latency-stress-heavy',
  'packet-loss-5',
  'packet-loss-15',
  'packet-loss-30',
  'instance-crash',
  'database-outage-brief',
  'database-outage-extended',
];

describe('scenario presets', () => {
  it('lists every preset of the spec once', () => {
    expect(SCENARIO_PRESETS.map((p) => p.id).sort()).toEqual([...SPEC_PRESETS].sort());
  });

  it.each(SCENARIO_PRESETS)('$id fills in faults that make a valid design for its target', (preset) => {
    const query = PresetFaultsQuerySchema.parse(
      preset.target === 'component' ? { component: 'db' } : { connection: 'api-db' },
    );
    const faults = presetFaults(preset.id, query);
    if (typeof faults === 'string') throw new Error(faults);
    expect(faults.length).toBeGreaterThan(0);
    expect(faults.every((f) => f.schedule.startMs === 10_000)).toBe(true);
    const validation = validateDesign({ ...checkoutExample, faults: [...faults] });
    expect(validation.success ? [] : validation.issues).toEqual([]);
  });

  it('refuses a target of the wrong kind, naming the kind it needs', () => {
    expect(presetFaults('packet-loss-5', PresetFaultsQuerySchema.parse({ component: 'db' }))).toMatch(
      /applies to a connection/,
    );
  });

  it('starts the faults where asked', () => {
    const faults = presetFaults(
      'database-outage-brief',
      PresetFaultsQuerySchema.parse({ component: 'db', startMs: '30000' }),
    );
    expect(faults).toMatchObject([
      { id: 'database-outage-brief-db', schedule: { startMs: 30_000, durationMs: 10_000 } },
    ]);
  });
});
