import type { PayloadAction } from '@reduxjs/toolkit';
import { SLO_PRESETS, type ClassSloTarget, type DesignInput, type SloEnvironment } from '@faultline/schemas';
import type {
  ArrivalChange,
  ArrivalDraft,
  Entered,
  ProfilePhaseChange,
  ProfilePhaseDraft,
  SloDraft,
  WorkloadChange,
} from '../draft.ts';
import { assign, remember, type EditorState } from '../editor-state.ts';
import { arrivalOfKind, NEW_PROFILE_PHASE, newWorkload } from '../new-parts.ts';

/** The design's workload, made as a new design's would be when it has none yet. */
function workloadOf(draft: DesignInput) {
  draft.workload ??= newWorkload(draft.components.find((c) => c.kind === 'client')?.id ?? '');
  return draft.workload;
}

/** The design as a whole: its name, its traffic and its SLO targets. */
export const designReducers = {
  designRenamed(state: EditorState, action: PayloadAction<string>) {
    remember(state).name = action.payload;
  },
  workloadChanged(state: EditorState, action: PayloadAction<WorkloadChange>) {
    assign(workloadOf(remember(state)), action.payload.field, action.payload.value);
  },
  /** Open arrivals (Poisson, evenly spaced) or a closed loop of users; an open one keeps its rate. */
  arrivalKindChanged(state: EditorState, action: PayloadAction<ArrivalDraft['kind']>) {
    const workload = workloadOf(remember(state));
    workload.arrival = arrivalOfKind(action.payload, workload.arrival);
    // A rate profile shapes open arrivals only.
    if (action.payload === 'closed') delete workload.profile;
  },
  arrivalChanged(state: EditorState, action: PayloadAction<ArrivalChange>) {
    const { arrival } = workloadOf(remember(state));
    const { field, value } = action.payload;
    if (field === 'meanThinkTimeMs') assign(arrival, 'thinkTime', { kind: 'exponential', mean: value });
    else assign(arrival, field, value);
  },
  profilePhaseAdded(state: EditorState, action: PayloadAction<ProfilePhaseDraft['kind']>) {
    const workload = workloadOf(remember(state));
    workload.profile = [...(workload.profile ?? []), { ...NEW_PROFILE_PHASE[action.payload] }];
  },
  profilePhaseChanged(state: EditorState, action: PayloadAction<ProfilePhaseChange>) {
    const phase = state.draft?.workload?.profile?.[action.payload.index];
    if (!phase) return;
    remember(state);
    assign(phase, action.payload.field, action.payload.value);
  },
  /** The last phase removed leaves no profile: the base rate holds throughout. */
  profilePhaseRemoved(state: EditorState, action: PayloadAction<number>) {
    const profile = state.draft?.workload?.profile;
    if (!profile?.[action.payload]) return;
    const workload = workloadOf(remember(state));
    workload.profile = profile.filter((_, i) => i !== action.payload);
    if (!workload.profile.length) delete workload.profile;
  },
  /** A target's threshold; `null` switches the target off, `undefined` brings back its default. */
  sloTargetChanged(
    state: EditorState,
    action: PayloadAction<{ target: keyof SloDraft; value: Entered<number> | null }>,
  ) {
    const draft = remember(state);
    draft.slo ??= {};
    assign(draft.slo, action.payload.target, action.payload.value);
  },
  /**
   * One target of a request class (SPEC §3.7); `undefined` leaves it unjudged. A class with no
   * target left, and a map with no class left, go: what is not there is not judged.
   */
  classSloTargetChanged(
    state: EditorState,
    action: PayloadAction<{ classId: string; target: ClassSloTarget; value: Entered<number> }>,
  ) {
    const { classId, target, value } = action.payload;
    const draft = remember(state);
    draft.slo ??= {};
    const classes = (draft.slo.classes ??= {});
    const targets = (classes[classId] ??= {});
    assign(targets, target, value);
    if (!Object.keys(targets).length) delete classes[classId];
    if (!Object.keys(classes).length) delete draft.slo.classes;
  },
  /** Targets for a class the entry client does not have (an import, a class renamed away): dropped. */
  classSloRemoved(state: EditorState, action: PayloadAction<string>) {
    if (!state.draft?.slo?.classes?.[action.payload]) return;
    const slo = remember(state).slo!;
    delete slo.classes![action.payload];
    if (!Object.keys(slo.classes!).length) delete slo.classes;
  },
  /** An environment's targets (SPEC §3.6); the other targets keep their values. */
  sloPresetApplied(state: EditorState, action: PayloadAction<SloEnvironment>) {
    const draft = remember(state);
    draft.slo = { ...draft.slo, ...SLO_PRESETS[action.payload] };
  },
};
