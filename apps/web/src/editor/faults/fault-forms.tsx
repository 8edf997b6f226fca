import type { ComponentType } from 'react';
import { ERROR_KINDS, type FaultType, type FieldIssue } from '@faultline/schemas';
import { Field, numberOrText, shown } from '../fields/Field.tsx';
import { SelectField } from '../fields/SelectField.tsx';
import { issuesAt } from '../fields/issues.ts';

type Params = Record<string, unknown>;
export interface ParamsFormProps {
  params: Params;
  onChange: (params: Params) => void;
  /** Issues relative to the fault (`/params/…`). */
  issues: FieldIssue[];
}

const at = (issues: FieldIssue[], field: string) => issuesAt(issues, `/params/${field}`);
const number = (props: ParamsFormProps, field: string, label: string, unit?: string, placeholder?: string) => (
  <Field
    label={label}
    unit={unit}
    value={shown(props.params[field])}
    placeholder={placeholder}
    issues={at(props.issues, field)}
    testId={`fault.params.${field}`}
    onCommit={(t) => props.onChange({ ...props.params, [field]: numberOrText(t) })}
  />
);

export function ComponentCrashForm(props: ParamsFormProps) {
  const instances = props.params.instances ?? 'all';
  return (
    <>
      <Field
        label="Instances"
        unit={'a number, or "all"'}
        value={shown(instances)}
        issues={at(props.issues, 'instances')}
        testId="fault.params.instances"
        onCommit={(t) => props.onChange({ ...props.params, instances: t.trim() === 'all' ? 'all' : numberOrText(t) })}
      />
      <SelectField
        label="Mode"
        value={String(props.params.mode ?? 'refuse') as 'refuse' | 'hang'}
        options={['refuse', 'hang'] as const}
        labels={{
          refuse: 'refuse: connections are refused at once',
          hang: 'hang: requests vanish and callers time out',
        }}
        onChange={(mode) => props.onChange({ ...props.params, mode })}
      />
    </>
  );
}

export function NetworkLatencyForm(props: ParamsFormProps) {
  const addMs = (props.params.addMs ?? { kind: 'constant', value: 100 }) as {
    kind: string;
    value?: number;
    mean?: number;
  };
  const kind = addMs.kind === 'exponential' ? 'exponential' : 'constant';
  const amount = kind === 'exponential' ? addMs.mean : addMs.value;
  return (
    <>
      <SelectField
        label="Added latency"
        value={kind}
        options={['constant', 'exponential'] as const}
        labels={{ constant: 'constant', exponential: 'exponential (mean)' }}
        onChange={(k) =>
          props.onChange({
            ...props.params,
            addMs: k === 'constant' ? { kind: k, value: amount ?? 100 } : { kind: k, mean: amount ?? 100 },
          })
        }
      />
      <Field
        label={kind === 'constant' ? 'Milliseconds added' : 'Mean milliseconds added'}
        unit="ms"
        value={shown(amount)}
        issues={at(props.issues, 'addMs')}
        testId="fault.params.addMs"
        onCommit={(t) =>
          props.onChange({
            ...props.params,
            addMs: kind === 'constant' ? { kind, value: numberOrText(t) } : { kind, mean: numberOrText(t) },
          })
        }
      />
      {number(props, 'spikeProbability', 'Spike probability', '0–1', '0')}
      {number(props, 'spikeMultiplier', 'Spike multiplier', '×', '1')}
    </>
  );
}

export function ErrorForm(props: ParamsFormProps) {
  const kinds = (props.params.errorTypes as string[] | undefined) ?? [];
  return (
    <fieldset aria-label="Error kinds">
      <legend>Error kinds (one drawn per failed request)</legend>
      {ERROR_KINDS.map((kind) => (
        <label key={kind} className="inline">
          <input
            type="checkbox"
            checked={kinds.includes(kind)}
            onChange={(e) =>
              props.onChange({
                ...props.params,
                errorTypes: e.target.checked ? [...kinds, kind] : kinds.filter((k) => k !== kind),
              })
            }
          />
          {kind}
        </label>
      ))}
      {at(props.issues, 'errorTypes').map((i) => (
        <p key={i.path} className="field-error" role="alert">
          {i.message}
        </p>
      ))}
    </fieldset>
  );
}

/** Fault types whose only setting is the schedule's probability. */
const probabilityOnly = (what: string) =>
  function ProbabilityOnlyForm() {
    return <p className="hint">{what} The schedule's probability says how often.</p>;
  };
export const PacketLossForm = probabilityOnly('Messages on the connection are lost: callers see a timeout.');
export const DuplicateForm = probabilityOnly('Messages are delivered twice: the callee does the work twice.');
export const DependencyDownForm = probabilityOnly('The connection refuses every call while active.');

export function ReorderForm(props: ParamsFormProps) {
  return number(props, 'windowMs', 'Reorder window', 'ms');
}

export function CorruptionForm(props: ParamsFormProps) {
  return (
    <label className="inline">
      <input
        type="checkbox"
        checked={props.params.detectable !== false}
        onChange={(e) => props.onChange({ ...props.params, detectable: e.target.checked })}
      />
      Detectable (fails as invalid-data); otherwise a silent corruption
    </label>
  );
}

export function ResourceExhaustionForm(props: ParamsFormProps) {
  return (
    <>
      <SelectField
        label="Resource"
        value={String(props.params.resource ?? 'cpu') as 'cpu' | 'memory' | 'disk-io' | 'connections'}
        options={['cpu', 'memory', 'disk-io', 'connections'] as const}
        onChange={(resource) => props.onChange({ ...props.params, resource })}
      />
      {number(props, 'intensity', 'Intensity', '0–1')}
    </>
  );
}

export function BandwidthForm(props: ParamsFormProps) {
  return number(props, 'bytesPerSecond', 'Bandwidth', 'bytes per second');
}

/** One form per fault type (SPEC §3.3). */
export const FAULT_FORMS: Record<FaultType, ComponentType<ParamsFormProps>> = {
  crash: ComponentCrashForm,
  latency: NetworkLatencyForm,
  error: ErrorForm,
  'packet-loss': PacketLossForm,
  duplicate: DuplicateForm,
  reorder: ReorderForm,
  corruption: CorruptionForm,
  'resource-exhaustion': ResourceExhaustionForm,
  'dependency-down': DependencyDownForm,
  bandwidth: BandwidthForm,
};

/** The parameters a new fault of each type starts with. */
export const DEFAULT_FAULT_PARAMS: Record<FaultType, Params> = {
  crash: { instances: 'all', mode: 'refuse' },
  latency: { addMs: { kind: 'constant', value: 200 } },
  error: { errorTypes: ['internal-error'] },
  'packet-loss': {},
  duplicate: {},
  reorder: { windowMs: 50 },
  corruption: { detectable: true },
  'resource-exhaustion': { resource: 'cpu', intensity: 0.6 },
  'dependency-down': {},
  bandwidth: { bytesPerSecond: 1_000_000 },
};
