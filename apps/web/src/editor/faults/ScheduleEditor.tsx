import { defaultsOf, FaultScheduleSchema, type FieldIssue } from '@faultline/schemas';
import type { ScheduleChange, ScheduleDraft } from '../draft.ts';
import { Field, numberOrText, shown } from '../fields/Field.tsx';
import { durationOrText } from '../fields/durations.ts';
import { issuesAt } from '../fields/issues.ts';

const DEFAULTS = defaultsOf(FaultScheduleSchema);
// The schema has no default ramp or flapping (they are off unless set): where each starts when switched on.
const NEW_RAMP = { from: 0, to: 1 };
const NEW_INTERMITTENT = { onMs: 2000, offMs: 8000 };

/** When a fault acts: its window, its probability, and optionally a ramp, flapping or a trigger cap. */
export function ScheduleEditor({
  schedule,
  onChange,
  issues,
}: {
  schedule: ScheduleDraft;
  onChange: (change: ScheduleChange) => void;
  issues: FieldIssue[];
}) {
  const at = (field: string) => issuesAt(issues, `/schedule/${field}`);
  const { ramp, intermittent } = schedule;
  return (
    <fieldset className="schedule" aria-label="Schedule">
      <legend>Schedule</legend>
      <Field
        label="Start"
        unit="ms"
        value={shown(schedule.startMs ?? DEFAULTS.startMs)}
        issues={at('startMs')}
        testId="schedule.startMs"
        onCommit={(t) => onChange({ field: 'startMs', value: durationOrText(t) })}
      />
      <Field
        label="Duration"
        unit="ms, empty until the end"
        value={shown(schedule.durationMs === undefined ? DEFAULTS.durationMs : schedule.durationMs)}
        issues={at('durationMs')}
        testId="schedule.durationMs"
        onCommit={(t) => onChange({ field: 'durationMs', value: t.trim() === '' ? null : durationOrText(t) })}
      />
      <Field
        label="Probability"
        unit="0–1, per request"
        value={shown(schedule.probability ?? DEFAULTS.probability)}
        issues={at('probability')}
        testId="schedule.probability"
        onCommit={(t) => onChange({ field: 'probability', value: numberOrText(t) })}
      />
      <label className="inline">
        <input
          type="checkbox"
          checked={!!ramp}
          onChange={(e) => onChange({ field: 'ramp', value: e.target.checked ? NEW_RAMP : undefined })}
          data-testid="schedule.ramp"
        />
        Ramp the probability across the window
      </label>
      {ramp && (
        <div className="pair">
          <Field
            label="From"
            unit="0–1"
            value={shown(ramp.from)}
            issues={at('ramp/from')}
            onCommit={(t) => onChange({ field: 'ramp', value: { ...ramp, from: numberOrText(t) } })}
          />
          <Field
            label="To"
            unit="0–1"
            value={shown(ramp.to)}
            issues={at('ramp/to')}
            onCommit={(t) => onChange({ field: 'ramp', value: { ...ramp, to: numberOrText(t) } })}
          />
        </div>
      )}
      <label className="inline">
        <input
          type="checkbox"
          checked={!!intermittent}
          onChange={(e) => onChange({ field: 'intermittent', value: e.target.checked ? NEW_INTERMITTENT : undefined })}
          data-testid="schedule.intermittent"
        />
        Intermittent (flapping)
      </label>
      {intermittent && (
        <div className="pair">
          <Field
            label="On"
            unit="ms"
            value={shown(intermittent.onMs)}
            issues={at('intermittent/onMs')}
            onCommit={(t) => onChange({ field: 'intermittent', value: { ...intermittent, onMs: durationOrText(t) } })}
          />
          <Field
            label="Off"
            unit="ms"
            value={shown(intermittent.offMs)}
            issues={at('intermittent/offMs')}
            onCommit={(t) => onChange({ field: 'intermittent', value: { ...intermittent, offMs: durationOrText(t) } })}
          />
        </div>
      )}
      <Field
        label="Stop after"
        unit="requests, empty for no cap"
        value={shown(schedule.maxTriggers)}
        issues={at('maxTriggers')}
        testId="schedule.maxTriggers"
        onCommit={(t) => onChange({ field: 'maxTriggers', value: numberOrText(t) })}
      />
    </fieldset>
  );
}
