import type { ComponentKind, DesignInput, FaultType, OutgoingPolicyType } from '@faultline/schemas';
import type {
  ArrivalDraft,
  ComponentDraft,
  FaultDraft,
  GuardDraft,
  GuardType,
  PolicyDraft,
  Position,
  ProfilePhaseDraft,
  TargetDraft,
  WorkloadDraft,
} from './draft.ts';
import { targetName } from './names.ts';

// What a new part starts with. Only what the schema cannot fill in is written here: a value for
// each field it requires, and the few starting points chosen for a short simulated run (each
// says why). Every other field is left out, the schema's default applies, and the forms show it.

const NAMES: Record<ComponentKind, string> = {
  client: 'Clients',
  gateway: 'Gateway',
  service: 'Service',
  database: 'Database',
  cache: 'Cache',
  queue: 'Queue',
  external: 'External API',
};

/** A fresh slug for a new part: `service`, `service-2`, … */
export function freshId(draft: DesignInput, base: string): string {
  const taken = new Set([
    ...draft.components.map((c) => c.id),
    ...(draft.connections ?? []).map((c) => c.id),
    ...(draft.faults ?? []).map((f) => f.id),
  ]);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function newComponent(draft: DesignInput, kind: ComponentKind, position: Position): ComponentDraft {
  const count = draft.components.filter((c) => c.kind === kind).length;
  return {
    id: freshId(draft, kind === 'external' ? 'external-api' : kind),
    kind,
    name: count ? `${NAMES[kind]} ${count + 1}` : NAMES[kind],
    position,
  };
}

/** Traffic until the user says otherwise; the arrival rate is required, so a round figure. */
const NEW_RATE_PER_SECOND = 100;

export function newWorkload(entry: string): WorkloadDraft {
  return { entry, arrival: { kind: 'poisson', ratePerSecond: NEW_RATE_PER_SECOND } };
}

/** An arrival of another kind; an open arrival keeps the rate it had. */
export function arrivalOfKind(kind: ArrivalDraft['kind'], previous: ArrivalDraft): ArrivalDraft {
  if (kind === 'closed') return { kind, users: 50, thinkTime: { kind: 'exponential', mean: 1000 } };
  return { kind, ratePerSecond: 'ratePerSecond' in previous ? previous.ratePerSecond : NEW_RATE_PER_SECOND };
}

export const NEW_PROFILE_PHASE: { [K in ProfilePhaseDraft['kind']]: Extract<ProfilePhaseDraft, { kind: K }> } = {
  constant: { kind: 'constant', ratePerSecond: 100, durationMs: 10_000 },
  ramp: { kind: 'ramp', from: 50, to: 200, durationMs: 30_000 },
  spike: { kind: 'spike', atMs: 20_000, durationMs: 5_000, multiplier: 3 },
};

type FaultOf<T extends FaultType> = Extract<FaultDraft, { type: T }>;

/** Each fault type with a value for every parameter its schema requires. */
const NEW_FAULT: { [T in FaultType]: Pick<FaultOf<T>, 'type' | 'params'> } = {
  crash: { type: 'crash', params: {} },
  latency: { type: 'latency', params: { addMs: { kind: 'constant', value: 200 } } },
  error: { type: 'error', params: { errorTypes: ['internal-error'] } },
  'packet-loss': { type: 'packet-loss', params: {} },
  duplicate: { type: 'duplicate', params: {} },
  reorder: { type: 'reorder', params: { windowMs: 50 } },
  corruption: { type: 'corruption', params: {} },
  'resource-exhaustion': { type: 'resource-exhaustion', params: { resource: 'cpu', intensity: 0.6 } },
  'dependency-down': { type: 'dependency-down', params: {} },
  bandwidth: { type: 'bandwidth', params: { bytesPerSecond: 1_000_000 } },
};

/**
 * A new fault acts from 10 s for 10 s (the schema's default is the whole run), so a run of a
 * minute shows the system before, during and after it.
 */
const NEW_FAULT_WINDOW = { startMs: 10_000, durationMs: 10_000 };

export const targetIdOf = (target: TargetDraft) => ('component' in target ? target.component : target.connection);

export function newFault(draft: DesignInput, type: FaultType, target: TargetDraft): FaultDraft {
  const on = targetIdOf(target);
  return {
    ...NEW_FAULT[type],
    id: freshId(draft, `${type}-${on}`.slice(0, 64)),
    name: `${type} on ${targetName(draft, target)}`,
    target,
    schedule: { ...NEW_FAULT_WINDOW },
  };
}

/** A fault from elsewhere (a scenario preset) under an id fresh in this design. */
export function renamedFault(draft: DesignInput, fault: FaultDraft): FaultDraft {
  return { ...fault, id: freshId(draft, `${fault.type}-${targetIdOf(fault.target)}`.slice(0, 64)) };
}

type PolicyOf<T extends OutgoingPolicyType> = Extract<PolicyDraft, { type: T }>;

const NEW_POLICY: { [T in OutgoingPolicyType]: Pick<PolicyOf<T>, 'type' | 'params'> } = {
  timeout: { type: 'timeout', params: { timeoutMs: 1000 } },
  retry: { type: 'retry', params: {} },
  // Resilience4j's breaker waits for 100 calls and stays open for a minute, longer than most
  // simulated runs; a new one is ready to act, and recover, within a short run.
  'circuit-breaker': { type: 'circuit-breaker', params: { minimumCalls: 20, waitInOpenMs: 5000 } },
  bulkhead: { type: 'bulkhead', params: {} },
  fallback: { type: 'fallback', params: {} },
};

/** An outgoing policy on every call of its component or, with `connection`, on that one. */
export function newPolicy(type: OutgoingPolicyType, connection?: string): PolicyDraft {
  return { ...NEW_POLICY[type], ...(connection ? { connection } : {}) };
}

const NEW_GUARD: { [T in GuardType]: Extract<GuardDraft, { type: T }> } = {
  'rate-limiter': { type: 'rate-limiter', params: {} },
  'load-shedding': { type: 'load-shedding', params: { maxInFlight: 100 } },
};

export const newGuard = (type: GuardType): GuardDraft => structuredClone(NEW_GUARD[type]);
