import type { Distribution } from '@faultline/schemas';
import type { ComponentDraft, DistributionDraft, FaultDraft, PolicyDraft } from './draft.ts';
import { classShares, operationsOf, shareText } from './operations.ts';

// What the canvas says about each part, in short forms a person reads at a glance: worked out
// here, apart from React, and tested without a browser.

/** `1.5 s`, `250 ms`, `0.4 ms`: a duration in the unit it reads best in. */
export function shortMs(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms >= 1000) return `${Number((ms / 1000).toFixed(1))} s`;
  return `${Number(ms.toFixed(ms < 1 ? 2 : ms < 10 ? 1 : 0))} ms`;
}

const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** A service time in short form: `~10 ms` (exponential mean), `8 ms p50 · 40 ms p99`, `5 ms`. */
export function shortDistribution(value: Distribution | DistributionDraft | undefined): string | null {
  if (!value) return null;
  const d = value as Record<string, unknown>;
  const ms = (key: string) => (num(d[key]) === null ? '?' : shortMs(num(d[key])!));
  switch (value.kind) {
    case 'constant':
      return ms('value');
    case 'exponential':
      return `~${ms('mean')}`;
    case 'uniform':
      return `${ms('min')}–${ms('max')}`;
    case 'normal':
      return `${ms('mean')} ± ${ms('stdDev')}`;
    case 'lognormal':
      return `${ms('median')} p50 · ${ms('p99')} p99`;
    case 'empirical':
      return 'empirical';
  }
}

/** Replicas × workers per replica: `2 × 16`. Clients do no work of their own. */
export function capacityOf(component: ComponentDraft): string | null {
  if (component.kind === 'client') return null;
  const replicas = num(component.replicas) ?? 1;
  const concurrency = num(component.concurrency) ?? 10;
  return component.kind === 'queue'
    ? `${num(component.consumers) ?? 1} consumer${(num(component.consumers) ?? 1) === 1 ? '' : 's'}`
    : `${replicas} × ${concurrency}`;
}

/** The service time a component's work takes, in short form (the schema's default when unset). */
export function serviceTimeOf(component: ComponentDraft): string | null {
  if (component.kind === 'client') return null;
  // Each operation with a time of its own leaves the component's unused: showing it would
  // suggest work (a bottleneck) that no request does.
  const operations = component.operations ?? [];
  if (operations.length > 0 && operations.every((o) => o.serviceTime)) return null;
  return shortDistribution(component.serviceTime ?? { kind: 'exponential', mean: 10 });
}

const POLICY_WORDS: Record<PolicyDraft['type'], string> = {
  timeout: 'timeout',
  retry: 'retry',
  'circuit-breaker': 'breaker',
  bulkhead: 'bulkhead',
  fallback: 'fallback',
};

/** A policy's badge: its type, with its key figure where it has one (`timeout 250 ms`, `retry ×3`). */
export function policyBadge(policy: PolicyDraft): string {
  const params = policy.params as Record<string, unknown> | undefined;
  if (policy.type === 'timeout' && num(params?.timeoutMs) !== null)
    return `timeout ${shortMs(num(params!.timeoutMs)!)}`;
  if (policy.type === 'retry' && num(params?.maxAttempts) !== null) return `retry ×${num(params!.maxAttempts)}`;
  return POLICY_WORDS[policy.type];
}

/** The policies a component applies on one connection: those naming it, and those on all its calls. */
export const policiesOnConnection = (caller: ComponentDraft | undefined, connection: string): PolicyDraft[] =>
  (caller?.resilience ?? []).filter((p) => p.connection === connection);

/** The policies a component applies on every call (shown on the node), and its inbound guards. */
export function nodePolicyBadges(component: ComponentDraft): string[] {
  const outgoing = (component.resilience ?? []).filter((p) => !p.connection).map(policyBadge);
  const inbound = 'inbound' in component ? (component.inbound ?? []).map((g) => g.type) : [];
  return [...outgoing, ...inbound];
}

/** A fault's badge: what it does, in a word or two. */
export function faultBadge(fault: FaultDraft): string {
  return fault.type.replace('-', ' ');
}

/**
 * The operations a node lists: only with several (one is the component's single kind of work), by
 * name, a client's request classes with the share of arrivals each gets (`Browse 75 %`).
 */
export function nodeOperations(component: ComponentDraft): string[] {
  const operations = operationsOf(component);
  if (operations.length < 2) return [];
  if (component.kind !== 'client') return operations.map((o) => o.name);
  return classShares(component).map((c) => `${c.name} ${shareText(c.share)}`);
}
