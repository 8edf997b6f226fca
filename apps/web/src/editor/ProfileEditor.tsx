import { discriminatorValues, ProfilePhaseSchema, type FieldIssue } from '@faultline/schemas';
import { useAppDispatch } from '../app/hooks.ts';
import type { ProfilePhaseChange, ProfilePhaseDraft } from './draft.ts';
import { editorActions } from './editor-slice.ts';
import { Field, numberOrText, shown } from './fields/Field.tsx';
import { durationOrText, isDurationUnit } from './fields/durations.ts';
import { issuesAt } from './fields/issues.ts';

type PhaseField = ProfilePhaseChange['field'];

/** Each phase kind's fields, in the words a person reads, with their units. */
const FIELDS: {
  [K in ProfilePhaseDraft['kind']]: [Exclude<keyof Extract<ProfilePhaseDraft, { kind: K }>, 'kind'>, string, string][];
} = {
  constant: [
    ['ratePerSecond', 'Rate', 'requests per second'],
    ['durationMs', 'Lasts', 'ms'],
  ],
  ramp: [
    ['from', 'From rate', 'requests per second'],
    ['to', 'To rate', 'requests per second'],
    ['durationMs', 'Lasts', 'ms'],
  ],
  spike: [
    ['atMs', 'Starts at', 'ms from the start of the run'],
    ['durationMs', 'Lasts', 'ms'],
    ['multiplier', 'Traffic multiplied by', '×'],
  ],
};
const PHASE_LABELS: Record<ProfilePhaseDraft['kind'], string> = {
  constant: 'steady rate',
  ramp: 'ramp',
  spike: 'spike',
};
const PHASE_KINDS = discriminatorValues(ProfilePhaseSchema, 'kind');

/** The value of one of a phase's fields (the fields listed for its kind). */
const valueOf = (phase: ProfilePhaseDraft, field: PhaseField): unknown => Reflect.get(phase, field);

/** The load over time: phases in order from 0 (then the base rate), spikes multiplying whatever holds. */
export function ProfileEditor({ profile, issues }: { profile: ProfilePhaseDraft[]; issues: FieldIssue[] }) {
  const dispatch = useAppDispatch();
  return (
    <fieldset aria-label="Load profile">
      <legend>Load profile</legend>
      {profile.map((phase, index) => (
        <fieldset key={index}>
          <legend>
            {index + 1}. {PHASE_LABELS[phase.kind]}
          </legend>
          {FIELDS[phase.kind].map(([field, label, unit]) => (
            <Field
              key={field}
              label={label}
              unit={unit}
              value={shown(valueOf(phase, field))}
              issues={issuesAt(issues, `/workload/profile/${index}/${field}`)}
              testId={`profile.${index}.${field}`}
              onCommit={(t) =>
                dispatch(
                  editorActions.profilePhaseChanged({
                    index,
                    field,
                    value: isDurationUnit(unit) ? durationOrText(t) : numberOrText(t),
                  }),
                )
              }
            />
          ))}
          <button type="button" className="danger" onClick={() => dispatch(editorActions.profilePhaseRemoved(index))}>
            Remove
          </button>
        </fieldset>
      ))}
      <div className="row-actions">
        {PHASE_KINDS.map((kind) => (
          <button key={kind} type="button" onClick={() => dispatch(editorActions.profilePhaseAdded(kind))}>
            Add a {PHASE_LABELS[kind]}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
