import type { PayloadAction } from '@reduxjs/toolkit';
import type { DesignInput, OutgoingPolicyType } from '@faultline/schemas';
import type { GuardType, ParamsDraft, PolicyList } from '../draft.ts';
import { assign, remember, type EditorState } from '../editor-state.ts';
import { newGuard, newPolicy } from '../new-parts.ts';

type At = { component: string; list: PolicyList; index: number };

/** A component's policy or guard at `index` of `list`. */
function policyAt(draft: DesignInput | null, { component, list, index }: At) {
  const found = draft?.components.find((c) => c.id === component);
  if (!found) return undefined;
  return list === 'resilience'
    ? found.resilience?.[index]
    : found.kind === 'client'
      ? undefined
      : found.inbound?.[index];
}

/** Outgoing policies on a component's calls, and inbound guards in front of it. */
export const resilienceReducers = {
  /** A policy on every call of the component or, with `connection`, on the calls over it. */
  policyAdded(
    state: EditorState,
    action: PayloadAction<{ component: string; type: OutgoingPolicyType; connection?: string }>,
  ) {
    const { component: id, type, connection } = action.payload;
    const component = state.draft?.components.find((c) => c.id === id);
    if (!component) return;
    remember(state);
    component.resilience = [...(component.resilience ?? []), newPolicy(type, connection)];
  },
  /** A guard in front of the component; a client takes none (it serves no requests). */
  guardAdded(state: EditorState, action: PayloadAction<{ component: string; type: GuardType }>) {
    const component = state.draft?.components.find((c) => c.id === action.payload.component);
    if (!component || component.kind === 'client') return;
    remember(state);
    component.inbound = [...(component.inbound ?? []), newGuard(action.payload.type)];
  },
  policyParamsChanged(state: EditorState, action: PayloadAction<At & { params: ParamsDraft }>) {
    const policy = policyAt(state.draft, action.payload);
    if (!policy) return;
    remember(state);
    assign(policy, 'params', action.payload.params);
  },
  policyRemoved(state: EditorState, action: PayloadAction<At>) {
    if (!policyAt(state.draft, action.payload)) return;
    const { component: id, list, index } = action.payload;
    const component = remember(state).components.find((c) => c.id === id)!;
    if (list === 'resilience') component.resilience?.splice(index, 1);
    else if (component.kind !== 'client') component.inbound?.splice(index, 1);
  },
};
