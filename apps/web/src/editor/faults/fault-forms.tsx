import type { ComponentType } from 'react';
import { defaultsOf, ERROR_KINDS, optionsOf, type FaultType, type FieldIssue } from '@faultline/schemas';
import type { ParamsDraft } from '../draft.ts';
import { Field, numberOrText, shown } from '../fields/Field.tsx';
import { durationOrText, isDurationUnit } from '../fields/durations.ts';
import { issuesAt } from '../fields/issues.ts';
import { isRecord, oneOf } from '../fields/params.ts';
import { SelectField } from '../fields/SelectField.tsx';
import { faultSchemaOf } from './fault-schemas.ts';

export interface ParamsFormProps {
  params: ParamsDraft;
  onChange: (params: ParamsDraft) => void;
  /** Issues relative to the fault (`/params/…`). */
  issues: FieldIssue[];
}

// What each parameter becomes when left empty, and the values a choice offers: from the schemas.
const CRASH_DEFAULTS = defaultsOf(faultSchemaOf('crash').shape.params);
const CRASH_MODES = optionsOf(faultSchemaOf('crash').shape.params.unwrap().shape.mode);
const LATENCY_DEFAULTS = defaultsOf(faultSchemaOf('latency').shape.params);
const CORRUPTION_DEFAULTS = defaultsOf(faultSchemaOf('corruption').shape.params);
const RESOURCES = optionsOf(faultSchemaOf('resource-exhaustion').shape.params.shape.resource);

const at = (issues: FieldIssue[], field: string) => issuesAt(issues, `/params/${field}`);
/** A number parameter; `fallback` is what the schema puts there when it is left empty. */
const number = (props: ParamsFormProps, field: string, label: string, unit?: string, fallback?: number) => (
  <Field
    label={label}
    unit={unit}
    value={shown(props.params[field])}
    placeholder={fallback === undefined ? undefined : shown(fallback)}
    issues={at(props.issues, field)}
    testId={`fault.params.${field}`}
    onCommit={(t) =>
      props.onChange({ ...props.params, [field]: isDurationUnit(unit) ? durationOrText(t, unit) : numberOrText(t) })
    }
  />
);

export function ComponentCrashForm(props: ParamsFormProps) {
  return (
    <>
      <Field
        label="Instances"
        unit={'a number, or "all"'}
        value={shown(props.params.instances ?? CRASH_DEFAULTS.instances)}
        issues={at(props.issues, 'instances')}
        testId="fault.params.instances"
        onCommit={(t) => props.onChange({ ...props.params, instances: t.trim() === 'all' ? 'all' : numberOrText(t) })}
      />
      <SelectField
        label="Mode"
        value={oneOf(CRASH_MODES, props.params.mode, CRASH_DEFAULTS.mode)}
        options={CRASH_MODES}
        labels={{
          refuse: 'refuse: connections are refused at once',
          hang: 'hang: requests vanish and callers time out',
        }}
        testId="fault.params.mode"
        onChange={(mode) => props.onChange({ ...props.params, mode })}
      />
    </>
  );
}

/** The added delay: a constant or an exponential one, edited by its amount (a subset of SPEC §3.5). */
const ADDED_LATENCY_KINDS = ['constant', 'exponential'] as const;

export function NetworkLatencyForm(props: ParamsFormProps) {
  const addMs = isRecord(props.params.addMs) ? props.params.addMs : {};
  const kind = oneOf(ADDED_LATENCY_KINDS, addMs.kind, 'constant');
  const amount = kind === 'exponential' ? addMs.mean : addMs.value;
  const added = (k: (typeof ADDED_LATENCY_KINDS)[number], ms: unknown) =>
    k === 'constant' ? { kind: k, value: ms } : { kind: k, mean: ms };
  return (
    <>
      <SelectField
        label="Added latency"
        value={kind}
        options={ADDED_LATENCY_KINDS}
        labels={{ constant: 'constant', exponential: 'exponential (mean)' }}
        // The amount carries over, so switching the kind keeps what was typed.
        onChange={(k) => props.onChange({ ...props.params, addMs: added(k, amount ?? 100) })}
      />
      <Field
        label={kind === 'constant' ? 'Milliseconds added' : 'Mean milliseconds added'}
        unit="ms"
        value={shown(amount)}
        issues={at(props.issues, 'addMs')}
        testId="fault.params.addMs"
        onCommit={(t) => props.onChange({ ...props.params, addMs: added(kind, durationOrText(t)) })}
      />
      {number(props, 'spikeProbability', 'Spike probability', '0–1', LATENCY_DEFAULTS.spikeProbability)}
      {number(props, 'spikeMultiplier', 'Spike multiplier', '×', LATENCY_DEFAULTS.spikeMultiplier)}
    </>
  );
}

export function ErrorForm(props: ParamsFormProps) {
  const kinds: unknown[] = Array.isArray(props.params.errorTypes) ? props.params.errorTypes : [];
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
        checked={
          typeof props.params.detectable === 'boolean' ? props.params.detectable : CORRUPTION_DEFAULTS.detectable
        }
        data-testid="fault.params.detectable"
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
        // The schema has no default resource; a new fault names one (see new-parts).
        value={oneOf(RESOURCES, props.params.resource, RESOURCES[0]!)}
        options={RESOURCES}
        testId="fault.params.resource"
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
