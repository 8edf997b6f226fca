import { createSelector } from '@reduxjs/toolkit';
import { FAULT_TARGETS, FAULT_TYPES, validateDesign, type FaultType, type FieldIssue } from '@faultline/schemas';
import type { RootState } from '../app/store.ts';
import type { ComponentDraft, ConnectionDraft, FaultDraft, TargetDraft } from './draft.ts';
import { designDifferences } from './design-diff.ts';
import { newWorkload, targetIdOf } from './new-parts.ts';
import { callLoopOf, describeProblems } from './problems.ts';

export const selectEditor = (state: RootState) => state.editor;
export const selectDraft = (state: RootState) => state.editor.draft;
export const selectSelection = (state: RootState) => state.editor.selection;
export const selectCanUndo = (state: RootState) => state.editor.past.length > 0;
export const selectCanRedo = (state: RootState) => state.editor.future.length > 0;

/** Every problem the shared schemas find in the draft, checked as the user edits. */
export const selectIssues = createSelector([selectDraft], (draft): FieldIssue[] => {
  if (!draft) return [];
  const validation = validateDesign(draft);
  return validation.success ? [] : validation.issues;
});

/** Problems by the component or connection they belong to, for badges on the canvas. */
export const selectIssuesByPart = createSelector([selectDraft, selectIssues], (draft, issues) => {
  const byPart = new Map<string, FieldIssue[]>();
  if (!draft) return byPart;
  for (const issue of issues) {
    const match = /^\/(components|connections)\/(\d+)/.exec(issue.path);
    const part = match
      ? (match[1] === 'components' ? draft.components : (draft.connections ?? []))[Number(match[2])]
      : undefined;
    const key = part?.id ?? '';
    byPart.set(key, [...(byPart.get(key) ?? []), issue]);
  }
  return byPart;
});

/** A component and its place in the design's list (issue paths name the place). */
export type ComponentEntry = { part: 'component'; index: number; component: ComponentDraft };
export type ConnectionEntry = { part: 'connection'; index: number; connection: ConnectionDraft };

export const selectComponentEntry = createSelector(
  [selectDraft, (_state: RootState, id: string) => id],
  (draft, id): ComponentEntry | null => {
    const index = draft?.components.findIndex((c) => c.id === id) ?? -1;
    return index < 0 ? null : { part: 'component', index, component: draft!.components[index]! };
  },
);

export const selectConnectionEntry = createSelector(
  [selectDraft, (_state: RootState, id: string) => id],
  (draft, id): ConnectionEntry | null => {
    const index = draft?.connections?.findIndex((c) => c.id === id) ?? -1;
    return index < 0 ? null : { part: 'connection', index, connection: draft!.connections![index]! };
  },
);

/** The one component or connection selected; null with nothing, or several things, selected. */
export const selectSelectedPart = (state: RootState): ComponentEntry | ConnectionEntry | null => {
  const [id, ...others] = state.editor.selection;
  if (id === undefined || others.length) return null;
  return selectComponentEntry(state, id) ?? selectConnectionEntry(state, id);
};

export const selectSelectedComponent = (state: RootState) => {
  const part = selectSelectedPart(state);
  return part?.part === 'component' ? part.component : null;
};

export const selectSelectedConnection = (state: RootState) => {
  const part = selectSelectedPart(state);
  return part?.part === 'connection' ? part.connection : null;
};

/** The faults on one component or connection, with their places in the design's list. */
export const selectFaultsOn = createSelector(
  [selectDraft, (_state: RootState, targetId: string) => targetId],
  (draft, targetId): { fault: FaultDraft; index: number }[] =>
    (draft?.faults ?? [])
      .map((fault, index) => ({ fault, index }))
      .filter(({ fault }) => targetIdOf(fault.target) === targetId),
);

/** The workload as the settings show it: a design without one shows the one its first edit creates. */
export const selectWorkload = createSelector(
  [selectDraft],
  (draft) => draft?.workload ?? newWorkload(draft?.components.find((c) => c.kind === 'client')?.id ?? ''),
);

/** The fault types a component or connection accepts (SPEC §3.3); reorder needs an async connection. */
export const selectFaultTypesFor = createSelector(
  [
    selectDraft,
    (_state: RootState, target: TargetDraft) => targetIdOf(target),
    (_state: RootState, target: TargetDraft) => 'component' in target,
  ],
  (draft, targetId, onComponent): FaultType[] => {
    const connection = onComponent ? undefined : draft?.connections?.find((c) => c.id === targetId);
    return FAULT_TYPES.filter((type) =>
      onComponent
        ? FAULT_TARGETS[type].component
        : FAULT_TARGETS[type].connection && (!FAULT_TARGETS[type].asyncOnly || connection?.mode === 'async'),
    );
  },
);

/** The loop of synchronous calls the draft closes, if any: the canvas marks its edges. */
export const selectCallLoop = createSelector([selectDraft], (draft) => (draft ? callLoopOf(draft) : null));

/** Every problem in words, each with the part to select to fix it. */
export const selectProblems = createSelector([selectDraft, selectIssues, selectCallLoop], (draft, issues, loop) =>
  draft ? describeProblems(draft, issues, loop) : [],
);

/** What changed between a newer version on the server and the draft, when one was met. */
export const selectDifferences = createSelector(
  [(state: RootState) => state.editor.theirs, selectDraft],
  (theirs, draft) => (theirs && draft ? designDifferences(theirs.design, draft) : []),
);
