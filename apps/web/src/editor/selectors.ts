import { createSelector } from '@reduxjs/toolkit';
import { validateDesign, type FieldIssue } from '@faultline/schemas';
import type { RootState } from '../app/store.ts';

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
