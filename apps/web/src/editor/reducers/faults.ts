import type { PayloadAction } from '@reduxjs/toolkit';
import type { DesignInput, FaultType } from '@faultline/schemas';
import type { FaultDraft, ParamsDraft, ScheduleChange, TargetDraft } from '../draft.ts';
import { assign, remember, type EditorState } from '../editor-state.ts';
import { newFault, renamedFault } from '../new-parts.ts';

const faultIn = (draft: DesignInput | null, id: string) => draft?.faults?.find((f) => f.id === id);

/** Faults injected into components and connections, each with its parameters and schedule. */
export const faultReducers = {
  /** A fault of `type` on `target`, named and scheduled as a new fault starts (see new-parts). */
  faultAdded(state: EditorState, action: PayloadAction<{ type: FaultType; target: TargetDraft }>) {
    const draft = remember(state);
    draft.faults = [...(draft.faults ?? []), newFault(draft, action.payload.type, action.payload.target)];
  },
  /** A scenario preset's faults, as one step of undo; the editor names them, so a preset applied twice gets distinct ids. */
  presetFaultsAdded(state: EditorState, action: PayloadAction<FaultDraft[]>) {
    if (!action.payload.length) return;
    const draft = remember(state);
    for (const fault of action.payload) draft.faults = [...(draft.faults ?? []), renamedFault(draft, fault)];
  },
  faultRenamed(state: EditorState, action: PayloadAction<{ id: string; name: string }>) {
    const fault = faultIn(state.draft, action.payload.id);
    if (!fault) return;
    remember(state);
    fault.name = action.payload.name;
  },
  /** Switched on or off: a switched-off fault stays in the design and does nothing. */
  faultToggled(state: EditorState, action: PayloadAction<{ id: string; enabled: boolean }>) {
    const fault = faultIn(state.draft, action.payload.id);
    if (!fault) return;
    remember(state);
    fault.enabled = action.payload.enabled;
  },
  faultParamsChanged(state: EditorState, action: PayloadAction<{ id: string; params: ParamsDraft }>) {
    const fault = faultIn(state.draft, action.payload.id);
    if (!fault) return;
    remember(state);
    assign(fault, 'params', action.payload.params);
  },
  /** One field of a fault's schedule; `undefined` removes it (its default applies, or the option goes). */
  faultScheduleChanged(state: EditorState, action: PayloadAction<{ id: string } & ScheduleChange>) {
    const fault = faultIn(state.draft, action.payload.id);
    if (!fault) return;
    remember(state);
    fault.schedule ??= {};
    assign(fault.schedule, action.payload.field, action.payload.value);
  },
  /**
   * The one operation of its component a fault acts on (SPEC §3.7), or with `undefined` every
   * request the component serves. A connection's fault has no operation to choose.
   */
  faultOperationChosen(state: EditorState, action: PayloadAction<{ id: string; operation: string | undefined }>) {
    const fault = faultIn(state.draft, action.payload.id);
    if (!fault || !('component' in fault.target)) return;
    remember(state);
    const { component } = fault.target;
    fault.target = action.payload.operation ? { component, operation: action.payload.operation } : { component };
  },
  faultRemoved(state: EditorState, action: PayloadAction<string>) {
    if (!faultIn(state.draft, action.payload)) return;
    const draft = remember(state);
    draft.faults = (draft.faults ?? []).filter((f) => f.id !== action.payload);
  },
};
