import type { ComponentType } from 'react';
import {
  BackoffSchema,
  BulkheadPolicySchema,
  CircuitBreakerPolicySchema,
  defaultsOf,
  FallbackPolicySchema,
  optionsOf,
  RateLimiterPolicySchema,
  RetryPolicySchema,
  type FieldIssue,
  type OutgoingPolicyType,
} from '@faultline/schemas';
import type { GuardType, ParamsDraft } from '../draft.ts';
import { Field, numberOrText, shown } from '../fields/Field.tsx';
import { durationOrText, isDurationUnit } from '../fields/durations.ts';
import { issuesAt } from '../fields/issues.ts';
import { isRecord, oneOf, recordOr } from '../fields/params.ts';
import { SelectField } from '../fields/SelectField.tsx';

export interface PolicyFormProps {
  params: ParamsDraft;
  onChange: (params: ParamsDraft) => void;
  /** Issues relative to the policy (`/params/…`). */
  issues: FieldIssue[];
}

// What each parameter becomes when left empty (Resilience4j's defaults, SPEC §3.4) and the values
// each choice offers: read from the schemas, shown as placeholders and options.
const RETRY = defaultsOf(RetryPolicySchema.shape.params);
const BREAKER = defaultsOf(CircuitBreakerPolicySchema.shape.params);
const BULKHEAD = defaultsOf(BulkheadPolicySchema.shape.params);
const FALLBACK = defaultsOf(FallbackPolicySchema.shape.params);
const RATE_LIMITER = defaultsOf(RateLimiterPolicySchema.shape.params);
const BACKOFF_KINDS = optionsOf(BackoffSchema.shape.kind);
const JITTERS = optionsOf(RetryPolicySchema.shape.params.shape.jitter);
const WINDOW_TYPES = optionsOf(CircuitBreakerPolicySchema.shape.params.shape.slidingWindow.unwrap().shape.type);
const FALLBACK_KINDS = optionsOf(FallbackPolicySchema.shape.params.shape.kind);

/** The default at `path` in `defaults`, if the schema has one. */
const defaultAt = (defaults: object, path: string[]): unknown =>
  path.reduce<unknown>((at, key) => (isRecord(at) ? at[key] : undefined), defaults);

/** A number field bound to `params[path…]`; empty leaves the schema's default, shown as the placeholder. */
function NumberParam({
  props,
  path,
  label,
  unit,
  defaults = {},
}: {
  props: PolicyFormProps;
  path: [string] | [string, string];
  label: string;
  unit?: string;
  /** The defaults of the form's policy; none where the parameter is required. */
  defaults?: object;
}) {
  const [head, tail] = path;
  const nested = recordOr(props.params[head]);
  const value = tail ? nested[tail] : props.params[head];
  const fallback = defaultAt(defaults, path);
  const commit = (t: string) => {
    const v = isDurationUnit(unit) ? durationOrText(t, unit) : numberOrText(t);
    props.onChange(tail ? { ...props.params, [head]: { ...nested, [tail]: v } } : { ...props.params, [head]: v });
  };
  return (
    <Field
      label={label}
      unit={unit}
      value={shown(value)}
      placeholder={fallback === undefined ? undefined : shown(fallback)}
      issues={issuesAt(props.issues, `/params/${path.join('/')}`)}
      testId={`policy.params.${path.join('.')}`}
      onCommit={commit}
    />
  );
}

export function TimeoutForm(props: PolicyFormProps) {
  return <NumberParam props={props} path={['timeoutMs']} label="Timeout" unit="ms" />;
}

export function RetryForm(props: PolicyFormProps) {
  const backoff = recordOr(props.params.backoff);
  return (
    <>
      <NumberParam props={props} defaults={RETRY} path={['maxAttempts']} label="Attempts" unit="including the first" />
      <SelectField
        label="Backoff"
        value={oneOf(BACKOFF_KINDS, backoff.kind, RETRY.backoff.kind)}
        options={BACKOFF_KINDS}
        testId="policy.params.backoff.kind"
        onChange={(kind) => props.onChange({ ...props.params, backoff: { ...backoff, kind } })}
      />
      <NumberParam props={props} defaults={RETRY} path={['backoff', 'initialMs']} label="First wait" unit="ms" />
      <NumberParam props={props} defaults={RETRY} path={['backoff', 'multiplier']} label="Multiplier" unit="×" />
      <NumberParam props={props} defaults={RETRY} path={['backoff', 'maxMs']} label="Longest wait" unit="ms" />
      <SelectField
        label="Jitter"
        value={oneOf(JITTERS, props.params.jitter, RETRY.jitter)}
        options={JITTERS}
        testId="policy.params.jitter"
        onChange={(jitter) => props.onChange({ ...props.params, jitter })}
      />
    </>
  );
}

export function CircuitBreakerForm(props: PolicyFormProps) {
  const window = recordOr(props.params.slidingWindow);
  const windowType = oneOf(WINDOW_TYPES, window.type, BREAKER.slidingWindow.type);
  return (
    <>
      <SelectField
        label="Sliding window"
        value={windowType}
        options={WINDOW_TYPES}
        testId="policy.params.slidingWindow.type"
        labels={{ count: 'the last N calls', time: 'the calls of the last N ms' }}
        onChange={(type) => props.onChange({ ...props.params, slidingWindow: { ...window, type } })}
      />
      <NumberParam
        props={props}
        path={['slidingWindow', 'size']}
        label="Window size"
        unit={windowType === 'time' ? 'ms' : 'calls'}
        defaults={BREAKER}
      />
      <NumberParam props={props} path={['minimumCalls']} label="Minimum calls" defaults={BREAKER} />
      <NumberParam
        props={props}
        path={['failureRateThreshold']}
        label="Failure rate to open"
        unit="%"
        defaults={BREAKER}
      />
      <NumberParam props={props} path={['slowCallDurationMs']} label="Slow call" unit="ms" defaults={BREAKER} />
      <NumberParam
        props={props}
        path={['slowCallRateThreshold']}
        label="Slow-call rate to open"
        unit="%"
        defaults={BREAKER}
      />
      <NumberParam props={props} path={['waitInOpenMs']} label="Open for" unit="ms" defaults={BREAKER} />
      <NumberParam
        props={props}
        path={['permittedCallsInHalfOpen']}
        label="Probe calls when half-open"
        defaults={BREAKER}
      />
    </>
  );
}

export function BulkheadForm(props: PolicyFormProps) {
  return (
    <>
      <NumberParam props={props} path={['maxConcurrentCalls']} label="Concurrent calls" defaults={BULKHEAD} />
      <NumberParam props={props} path={['maxWaitMs']} label="Wait for a slot" unit="ms" defaults={BULKHEAD} />
    </>
  );
}

export function FallbackForm(props: PolicyFormProps) {
  return (
    <>
      <SelectField
        label="Answer"
        value={oneOf(FALLBACK_KINDS, props.params.kind, FALLBACK.kind)}
        options={FALLBACK_KINDS}
        testId="policy.params.kind"
        labels={{ static: 'a static default', cached: 'the last good answer' }}
        onChange={(kind) => props.onChange({ ...props.params, kind })}
      />
      <NumberParam props={props} path={['latencyMs']} label="Fallback latency" unit="ms" defaults={FALLBACK} />
    </>
  );
}

export function RateLimiterForm(props: PolicyFormProps) {
  return (
    <>
      <NumberParam props={props} path={['limitForPeriod']} label="Requests per period" defaults={RATE_LIMITER} />
      <NumberParam props={props} path={['refreshPeriodMs']} label="Period" unit="ms" defaults={RATE_LIMITER} />
      <NumberParam props={props} path={['timeoutMs']} label="Wait for a permit" unit="ms" defaults={RATE_LIMITER} />
    </>
  );
}

export function LoadSheddingForm(props: PolicyFormProps) {
  return <NumberParam props={props} path={['maxInFlight']} label="Requests in flight at most" />;
}

/** One form per outgoing pattern and per inbound guard (SPEC §3.4): a new pattern needs its form. */
export const OUTGOING_FORMS: Record<OutgoingPolicyType, ComponentType<PolicyFormProps>> = {
  fallback: FallbackForm,
  retry: RetryForm,
  'circuit-breaker': CircuitBreakerForm,
  bulkhead: BulkheadForm,
  timeout: TimeoutForm,
};
export const INBOUND_FORMS: Record<GuardType, ComponentType<PolicyFormProps>> = {
  'rate-limiter': RateLimiterForm,
  'load-shedding': LoadSheddingForm,
};
