import { discriminatorValues, DistributionSchema, type Distribution, type FieldIssue } from '@faultline/schemas';
import type { DistributionDraft } from '../draft.ts';
import { durationOrText } from './durations.ts';
import { Field, numberOrText, shown } from './Field.tsx';
import { issuesAt } from './issues.ts';
import { recordOr } from './params.ts';
import { SelectField } from './SelectField.tsx';

const KINDS = discriminatorValues(DistributionSchema, 'kind');

/** A new distribution of each kind (SPEC §3.5), centred near 10 ms: the schema requires every parameter. */
const STARTING: { [K in Distribution['kind']]: Extract<Distribution, { kind: K }> } = {
  exponential: { kind: 'exponential', mean: 10 },
  constant: { kind: 'constant', value: 10 },
  uniform: { kind: 'uniform', min: 5, max: 15 },
  normal: { kind: 'normal', mean: 10, stdDev: 2 },
  lognormal: { kind: 'lognormal', median: 8, p99: 40 },
  empirical: {
    kind: 'empirical',
    points: [
      { value: 5, weight: 3 },
      { value: 50, weight: 1 },
    ],
  },
};
const LABELS: Record<string, string> = { stdDev: 'standard deviation', p99: '99th percentile' };

/** "value:weight" pairs, one per line, for an empirical distribution. */
const pointsText = (points: unknown) =>
  (Array.isArray(points) ? points : [])
    .map((p) => `${shown(recordOr(p).value)}:${shown(recordOr(p).weight)}`)
    .join('\n');
const parsePoints = (text: string) =>
  text
    .split(/[\n,]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((pair) => {
      const [value = '', weight = '1'] = pair.split(':');
      return { value: numberOrText(value), weight: numberOrText(weight) };
    });

/** Any distribution of durations in ms: its kind, then that kind's parameters. */
export function DistributionEditor({
  legend,
  value,
  onChange,
  issues,
  path,
}: {
  legend: string;
  value: DistributionDraft;
  onChange: (d: DistributionDraft) => void;
  issues: FieldIssue[];
  path: string;
}) {
  return (
    <fieldset>
      <legend>{legend} (ms)</legend>
      <SelectField
        label="Distribution"
        value={value.kind}
        options={KINDS}
        onChange={(kind) => onChange(STARTING[kind])}
      />
      {value.kind === 'empirical' ? (
        <Field
          label="Points"
          type="text"
          unit="value:weight, comma separated"
          value={pointsText(value.points).replaceAll('\n', ', ')}
          issues={issuesAt(issues, `${path}/points`)}
          onCommit={(t) => onChange({ ...value, points: parsePoints(t) })}
        />
      ) : (
        Object.keys(STARTING[value.kind])
          .filter((k) => k !== 'kind')
          .map((param) => (
            <Field
              key={param}
              label={LABELS[param] ?? param}
              unit="ms"
              value={shown(value[param])}
              issues={issuesAt(issues, `${path}/${param}`)}
              onCommit={(t) => onChange({ ...value, [param]: durationOrText(t) })}
            />
          ))
      )}
    </fieldset>
  );
}
