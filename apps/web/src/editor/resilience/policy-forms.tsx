import type { ComponentType } from 'react';
import type { FieldIssue } from '@faultline/schemas';
import { Field, numberOrText, shown } from '../fields/Field.tsx';
import { SelectField } from '../fields/SelectField.tsx';
import { issuesAt } from '../fields/issues.ts';

type Params = Record<string, unknown>;
export interface PolicyFormProps {
  params: Params;
  onChange: (params: Params) => void;
  /** Issues relative to the policy (`/params/…`). */
  issues: FieldIssue[];
}

/** A number field bound to `params[path…]`; empty leaves Resilience4j's default (the placeholder). */
function NumberParam({
  props,
  path,
  label,
  unit,
  placeholder,
}: {
  props: PolicyFormProps;
  path: string[];
  label: string;
  unit?: string;
  placeholder?: string;
}) {
  const [head, tail] = path as [string, string | undefined];
  const nested = (props.params[head] ?? {}) as Params;
  const value = tail ? nested[tail] : props.params[head];
  const commit = (t: string) => {
    const v = numberOrText(t);
    props.onChange(tail ? { ...props.params, [head]: { ...nested, [tail]: v } } : { ...props.params, [head]: v });
  };
  return (
    <Field
      label={label}
      unit={unit}
      value={shown(value)}
      placeholder={placeholder}
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
  const backoff = (props.params.backoff ?? {}) as Params;
  return (
    <>
      <NumberParam props={props} path={['maxAttempts']} label="Attempts" unit="including the first" placeholder="3" />
      <SelectField
        label="Backoff"
        value={String(backoff.kind ?? 'exponential') as 'fixed' | 'exponential'}
        options={['fixed', 'exponential'] as const}
        onChange={(kind) => props.onChange({ ...props.params, backoff: { ...backoff, kind } })}
      />
      <NumberParam props={props} path={['backoff', 'initialMs']} label="First wait" unit="ms" placeholder="500" />
      <NumberParam props={props} path={['backoff', 'multiplier']} label="Multiplier" unit="×" placeholder="2" />
      <NumberParam props={props} path={['backoff', 'maxMs']} label="Longest wait" unit="ms" placeholder="30000" />
      <SelectField
        label="Jitter"
        value={String(props.params.jitter ?? 'none') as 'none' | 'full' | 'equal' | 'decorrelated'}
        options={['none', 'full', 'equal', 'decorrelated'] as const}
        onChange={(jitter) => props.onChange({ ...props.params, jitter })}
      />
    </>
  );
}

export function CircuitBreakerForm(props: PolicyFormProps) {
  const window = (props.params.slidingWindow ?? {}) as Params;
  return (
    <>
      <SelectField
        label="Sliding window"
        value={String(window.type ?? 'count') as 'count' | 'time'}
        options={['count', 'time'] as const}
        labels={{ count: 'the last N calls', time: 'the calls of the last N ms' }}
        onChange={(type) => props.onChange({ ...props.params, slidingWindow: { ...window, type } })}
      />
      <NumberParam
        props={props}
        path={['slidingWindow', 'size']}
        label="Window size"
        unit={window.type === 'time' ? 'ms' : 'calls'}
        placeholder="100"
      />
      <NumberParam props={props} path={['minimumCalls']} label="Minimum calls" placeholder="100" />
      <NumberParam
        props={props}
        path={['failureRateThreshold']}
        label="Failure rate to open"
        unit="%"
        placeholder="50"
      />
      <NumberParam props={props} path={['slowCallDurationMs']} label="Slow call" unit="ms" placeholder="60000" />
      <NumberParam
        props={props}
        path={['slowCallRateThreshold']}
        label="Slow-call rate to open"
        unit="%"
        placeholder="100"
      />
      <NumberParam props={props} path={['waitInOpenMs']} label="Open for" unit="ms" placeholder="60000" />
      <NumberParam
        props={props}
        path={['permittedCallsInHalfOpen']}
        label="Probe calls when half-open"
        placeholder="10"
      />
    </>
  );
}

export function BulkheadForm(props: PolicyFormProps) {
  return (
    <>
      <NumberParam props={props} path={['maxConcurrentCalls']} label="Concurrent calls" placeholder="25" />
      <NumberParam props={props} path={['maxWaitMs']} label="Wait for a slot" unit="ms" placeholder="0" />
    </>
  );
}

export function FallbackForm(props: PolicyFormProps) {
  return (
    <>
      <SelectField
        label="Answer"
        value={String(props.params.kind ?? 'static') as 'static' | 'cached'}
        options={['static', 'cached'] as const}
        labels={{ static: 'a static default', cached: 'the last good answer' }}
        onChange={(kind) => props.onChange({ ...props.params, kind })}
      />
      <NumberParam props={props} path={['latencyMs']} label="Fallback latency" unit="ms" placeholder="0" />
    </>
  );
}

export function RateLimiterForm(props: PolicyFormProps) {
  return (
    <>
      <NumberParam props={props} path={['limitForPeriod']} label="Requests per period" placeholder="50" />
      <NumberParam props={props} path={['refreshPeriodMs']} label="Period" unit="ms" placeholder="500" />
      <NumberParam props={props} path={['timeoutMs']} label="Wait for a permit" unit="ms" placeholder="5000" />
    </>
  );
}

export function LoadSheddingForm(props: PolicyFormProps) {
  return <NumberParam props={props} path={['maxInFlight']} label="Requests in flight at most" />;
}

/** Outgoing patterns, in the order they wrap a call (SPEC §3.4), and the inbound guards. */
export const OUTGOING_FORMS: Record<string, ComponentType<PolicyFormProps>> = {
  fallback: FallbackForm,
  retry: RetryForm,
  'circuit-breaker': CircuitBreakerForm,
  bulkhead: BulkheadForm,
  timeout: TimeoutForm,
};
export const INBOUND_FORMS: Record<string, ComponentType<PolicyFormProps>> = {
  'rate-limiter': RateLimiterForm,
  'load-shedding': LoadSheddingForm,
};

/** What a new policy starts with; the schema fills Resilience4j's defaults for the rest. */
export const NEW_POLICY_PARAMS: Record<string, Params> = {
  timeout: { timeoutMs: 1000 },
  retry: { maxAttempts: 3 },
  'circuit-breaker': { minimumCalls: 20, failureRateThreshold: 50, waitInOpenMs: 5000 },
  bulkhead: {},
  fallback: {},
  'rate-limiter': {},
  'load-shedding': { maxInFlight: 100 },
};
