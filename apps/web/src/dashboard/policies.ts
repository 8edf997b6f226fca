import type { PolicyReport } from '@faultline/schemas';
import type { Names } from './names.ts';

type PolicyType = PolicyReport['type'];

const INBOUND: ReadonlySet<PolicyType> = new Set(['rate-limiter', 'load-shedding']);

const TYPE_WORDS: Record<PolicyType, string> = {
  timeout: 'timeout',
  retry: 'retry',
  'circuit-breaker': 'circuit breaker',
  bulkhead: 'bulkhead',
  fallback: 'fallback',
  'rate-limiter': 'rate limiter',
  'load-shedding': 'load shedding',
};

/** A policy as a person names it: "Checkout API · retry · Checkout API → Orders DB". */
export function policyLabel(
  policy: { component: string; type: PolicyType; connection: string | null },
  names: Names,
): string {
  const scope =
    policy.connection !== null
      ? names.connection(policy.connection)
      : INBOUND.has(policy.type)
        ? 'inbound'
        : 'all calls';
  return `${names.component(policy.component)} · ${TYPE_WORDS[policy.type]} · ${scope}`;
}

const COUNTER_WORDS: Record<string, string> = {
  timedOut: 'timed out',
  retries: 'retries',
  exhausted: 'retries exhausted',
  recovered: 'recovered by a retry',
  shortCircuited: 'short-circuited',
  opened: 'opened',
  openMs: 'open for',
  rejected: 'rejected',
  peakInUse: 'peak in use',
  served: 'fallback served',
  delayed: 'delayed',
  shed: 'shed',
};

/** Each counter of a policy in words, with its unit: "fallback served 1,438", "open for 4.2 s". */
export function counterLines(policy: PolicyReport): { key: string; text: string }[] {
  return Object.entries(policy.counters).map(([key, value]: [string, number]) => ({
    key,
    text: `${COUNTER_WORDS[key] ?? key} ${key.endsWith('Ms') ? `${(value / 1000).toFixed(1)} s` : value.toLocaleString('en-US')}`,
  }));
}
