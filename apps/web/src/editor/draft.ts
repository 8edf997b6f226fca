import type { DesignInput, Distribution } from '@faultline/schemas';

// The design being edited, part by part. The draft holds what the user entered: a value that is
// not a number yet stays as the text typed, so the shared schema names the problem under its
// field. These types say what each part holds once it is valid, plus that text.

export type ComponentDraft = DesignInput['components'][number];
export type ConnectionDraft = NonNullable<DesignInput['connections']>[number];
export type CallDraft = NonNullable<ComponentDraft['calls']>[number];
/** One kind of request a component serves (SPEC §3.7); on a client, a request class with its weight. */
export type OperationDraft = NonNullable<ComponentDraft['operations']>[number];
export type FaultDraft = NonNullable<DesignInput['faults']>[number];
export type ScheduleDraft = NonNullable<FaultDraft['schedule']>;
export type TargetDraft = FaultDraft['target'];
export type WorkloadDraft = DesignInput['workload'];
export type ArrivalDraft = WorkloadDraft['arrival'];
export type ProfilePhaseDraft = NonNullable<WorkloadDraft['profile']>[number];
export type SloDraft = NonNullable<DesignInput['slo']>;
export type PolicyDraft = NonNullable<ComponentDraft['resilience']>[number];
export type GuardDraft = NonNullable<Extract<ComponentDraft, { kind: 'service' }>['inbound']>[number];
export type GuardType = GuardDraft['type'];
/** A component's outgoing policies (`resilience`) or its inbound guards. */
export type PolicyList = 'resilience' | 'inbound';
export type Position = { x: number; y: number };

/** A value as a form hands it over: the value, `undefined` to leave its default, or the text typed. */
export type Entered<T> = T | string | undefined;
/** A distribution as its editor holds it: a kind and that kind's parameters as entered. */
export type DistributionDraft = { kind: Distribution['kind'] } & Record<string, unknown>;
/** A fault's or a policy's parameters as its form holds them. */
export type ParamsDraft = Record<string, unknown>;

/** `Omit` for each member of a union, so the members stay apart. */
export type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

type KeysOfUnion<T> = T extends unknown ? keyof T : never;
type ValueIn<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;

/** What the property panel edits on a component: everything but its identity, place and lists. */
export type ComponentField = Exclude<
  KeysOfUnion<ComponentDraft>,
  'id' | 'kind' | 'position' | 'calls' | 'resilience' | 'inbound' | 'operations'
>;
export type ComponentChange = {
  [F in ComponentField]: {
    id: string;
    field: F;
    value: F extends 'serviceTime' ? DistributionDraft : Entered<ValueIn<ComponentDraft, F>>;
  };
}[ComponentField];

export type ConnectionField = Exclude<keyof ConnectionDraft, 'id' | 'source' | 'target'>;
export type ConnectionChange = {
  [F in ConnectionField]: {
    id: string;
    field: F;
    value: F extends 'latency' ? DistributionDraft : Entered<ConnectionDraft[F]>;
  };
}[ConnectionField];

export type CallChange =
  | { field: 'probability'; value: Entered<number> }
  | { field: 'parallelGroup'; value: string }
  | { field: 'required' | 'onMiss'; value: boolean }
  /** The target's operation the call asks for; `undefined`: the target's first. */
  | { field: 'operation'; value: string | undefined };

/** Where a call list is: a component's own calls, or those of its operation at `operation`. */
export type CallsAt = { component: string; operation?: number | undefined };

/** An operation of a component, by its place in the component's list (issue paths name the place). */
export type OperationAt = { component: string; operation: number };

export type OperationChange =
  | { field: 'name'; value: string }
  | { field: 'serviceTime'; value: DistributionDraft | undefined }
  | { field: 'weight'; value: Entered<number> };

export type ScheduleChange =
  | { field: 'startMs' | 'probability' | 'maxTriggers'; value: Entered<number> }
  | { field: 'durationMs'; value: Entered<number> | null }
  | { field: 'ramp'; value: { from: Entered<number>; to: Entered<number> } | undefined }
  | { field: 'intermittent'; value: { onMs: Entered<number>; offMs: Entered<number> } | undefined };

export type WorkloadChange = { field: 'entry'; value: string } | { field: 'clientTimeoutMs'; value: Entered<number> };

/** The arrival's numbers; a closed loop's think time is exponential, edited by its mean. */
export type ArrivalChange = { field: 'ratePerSecond' | 'users' | 'meanThinkTimeMs'; value: Entered<number> };

export type ProfilePhaseChange = {
  index: number;
  field: Exclude<KeysOfUnion<ProfilePhaseDraft>, 'kind'>;
  value: Entered<number>;
};
