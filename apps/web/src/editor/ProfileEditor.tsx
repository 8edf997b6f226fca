import type { FieldIssue } from '@faultline/schemas';
import { Field, numberOrText, shown } from './fields/Field.tsx';
import { issuesAt } from './fields/issues.ts';

type Phase = Record<string, unknown> & { kind: 'constant' | 'ramp' | 'spike' };

const NEW_PHASE: Record<Phase['kind'], Phase> = {
  constant: { kind: 'constant', ratePerSecond: 100, durationMs: 10_000 },
  ramp: { kind: 'ramp', from: 50, to: 200, durationMs: 30_000 },
  spike: { kind: 'spike', atMs: 20_000, durationMs: 5_000, multiplier: 3 },
};
const FIELDS: Record<Phase['kind'], [string, string][]> = {
  constant: [
    ['ratePerSecond', 'requests per second'],
    ['durationMs', 'ms'],
  ],
  ramp: [
    ['from', 'requests per second'],
    ['to', 'requests per second'],
    ['durationMs', 'ms'],
  ],
  spike: [
    ['atMs', 'ms'],
    ['durationMs', 'ms'],
    ['multiplier', '×'],
  ],
};

/** The load over time: phases in order from 0 (then the base rate), spikes multiplying whatever holds. */
export function ProfileEditor({
  profile,
  onChange,
  issues,
}: {
  profile: Phase[];
  onChange: (p: Phase[] | undefined) => void;
  issues: FieldIssue[];
}) {
  const set = (i: number, phase: Phase) => onChange(profile.map((p, k) => (k === i ? phase : p)));
  return (
    <fieldset aria-label="Load profile">
      <legend>Load profile</legend>
      {profile.map((phase, i) => (
        <fieldset key={i}>
          <legend>
            {i + 1}. {phase.kind}
          </legend>
          {FIELDS[phase.kind].map(([field, unit]) => (
            <Field
              key={field}
              label={field}
              unit={unit}
              value={shown(phase[field])}
              issues={issuesAt(issues, `/workload/profile/${i}/${field}`)}
              onCommit={(t) => set(i, { ...phase, [field]: numberOrText(t) })}
            />
          ))}
          <button
            type="button"
            className="danger"
            onClick={() => onChange(profile.length > 1 ? profile.filter((_, k) => k !== i) : undefined)}
          >
            Remove
          </button>
        </fieldset>
      ))}
      <div className="row-actions">
        {(Object.keys(NEW_PHASE) as Phase['kind'][]).map((kind) => (
          <button key={kind} type="button" onClick={() => onChange([...profile, NEW_PHASE[kind]])}>
            Add {kind}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
