import { describe, expect, it } from 'vitest';
import { DesignSchema } from './design.ts';
import { checkoutExample } from './examples.ts';
import { launchWarnings } from './launch-warnings.ts';

// The checkout example's outage runs from 20 s to 30 s.
const withOutageAt = (startMs: number, durationMs: number | null) =>
  DesignSchema.parse({
    ...checkoutExample,
    faults: checkoutExample.faults!.map((f) => ({ ...f, schedule: { ...f.schedule, startMs, durationMs } })),
  });
const messages = (startMs: number, durationMs: number | null, settings: { durationMs: number; warmupMs: number }) =>
  launchWarnings(withOutageAt(startMs, durationMs), settings).map((w) => w.message);

describe('launch warnings', () => {
  it('say when a fault will never be active, never measured, or starts unmeasured', () => {
    expect(messages(20_000, 10_000, { durationMs: 15_000, warmupMs: 0 })).toEqual([
      '"Database brief outage" starts at 20 s, after the run ends at 15 s: it will never be active.',
    ]);
    expect(messages(20_000, 10_000, { durationMs: 60_000, warmupMs: 30_000 })).toEqual([
      '"Database brief outage" ends at 30 s, within the warm-up of 30 s: it will never be measured.',
    ]);
    expect(messages(20_000, 10_000, { durationMs: 60_000, warmupMs: 25_000 })).toEqual([
      '"Database brief outage" starts at 20 s, within the warm-up of 25 s: its start is not measured.',
    ]);
    expect(messages(20_000, 10_000, { durationMs: 60_000, warmupMs: 5_000 })).toEqual([]);
  });

  it('say nothing of a fault in force from the start of the run, whatever the warm-up', () => {
    expect(messages(0, null, { durationMs: 60_000, warmupMs: 5_000 })).toEqual([]);
  });
});
