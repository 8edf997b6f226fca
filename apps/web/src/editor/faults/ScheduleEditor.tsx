import type { FieldIssue } from '@faultline/schemas';
import { Field, numberOrText, shown } from '../fields/Field.tsx';
import { issuesAt } from '../fields/issues.ts';

type Schedule = {
  startMs?: number;
  durationMs?: number | null;
  probability?: number;
  ramp?: { from: number; to: number };
  intermittent?: { onMs: number; offMs: number };
  maxTriggers?: number;
};

/** When a fault acts: its window, its probability, and optionally a ramp, flapping or a trigger cap. */
export function ScheduleEditor({
  schedule,
  onChange,
  issues,
}: {
  schedule: Schedule;
  onChange: (s: Schedule) => void;
  issues: FieldIssue[];
}) {
  const at = (field: string) => issuesAt(issues, `/schedule/${field}`);
  const set = (field: keyof Schedule, value: unknown) => {
    const next = { ...schedule } as Record<string, unknown>;
    if (value === undefined) delete next[field];
    else next[field] = value;
    onChange(next as Schedule);
  };
  return (
    <fieldset className="schedule" aria-label="Schedule">
      <legend>Schedule</legend>
      <Field
        label="Start"
        unit="ms"
        value={shown(schedule.startMs ?? 0)}
        issues={at('startMs')}
        testId="schedule.start"
        onCommit={(t) => set('startMs', numberOrText(t))}
      />
      <Field
        label="Duration"
        unit="ms, empty until the end"
        value={shown(schedule.durationMs)}
        issues={at('durationMs')}
        testId="schedule.duration"
        onCommit={(t) => set('durationMs', t.trim() === '' ? null : numberOrText(t))}
      />
      <Field
        label="Probability"
        unit="0–1, per request"
        value={shown(schedule.probability ?? 1)}
        issues={at('probability')}
        testId="schedule.probability"
        onCommit={(t) => set('probability', numberOrText(t))}
      />
      <label className="inline">
        <input
          type="checkbox"
          checked={!!schedule.ramp}
          onChange={(e) => set('ramp', e.target.checked ? { from: 0, to: 1 } : undefined)}
          data-testid="schedule.ramp"
        />
        Ramp the probability across the window
      </label>
      {schedule.ramp && (
        <div className="pair">
          <Field
            label="From"
            unit="0–1"
            value={shown(schedule.ramp.from)}
            issues={at('ramp/from')}
            onCommit={(t) => set('ramp', { ...schedule.ramp, from: numberOrText(t) })}
          />
          <Field
            label="To"
            unit="0–1"
            value={shown(schedule.ramp.to)}
            issues={at('ramp/to')}
            onCommit={(t) => set('ramp', { ...schedule.ramp, to: numberOrText(t) })}
          />
        </div>
      )}
      <label className="inline">
        <input
          type="checkbox"
          checked={!!schedule.intermittent}
          onChange={(e) => set('intermittent', e.target.checked ? { onMs: 2000, offMs: 8000 } : undefined)}
          data-testid="schedule.intermittent"
        />
        Intermittent (flapping)
      </label>
      {schedule.intermittent && (
        <div className="pair">
          <Field
            label="On"
            unit="ms"
            value={shown(schedule.intermittent.onMs)}
            issues={at('intermittent/onMs')}
            onCommit={(t) => set('intermittent', { ...schedule.intermittent, onMs: numberOrText(t) })}
          />
          <Field
            label="Off"
            unit="ms"
            value={shown(schedule.intermittent.offMs)}
            issues={at('intermittent/offMs')}
            onCommit={(t) => set('intermittent', { ...schedule.intermittent, offMs: numberOrText(t) })}
          />
        </div>
      )}
      <Field
        label="Stop after"
        unit="requests, empty for no cap"
        value={shown(schedule.maxTriggers)}
        issues={at('maxTriggers')}
        onCommit={(t) => set('maxTriggers', numberOrText(t))}
      />
    </fieldset>
  );
}
