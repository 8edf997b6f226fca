import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { DesignInput } from '@faultline/schemas';
import { initialEditorState } from './editor-state.ts';
import { designReducers } from './reducers/design.ts';
import { faultReducers } from './reducers/faults.ts';
import { layoutReducers } from './reducers/layout.ts';
import { partReducers } from './reducers/parts.ts';
import { resilienceReducers } from './reducers/resilience.ts';

export { initialEditorState, type EditorState } from './editor-state.ts';

/**
 * The editor's events. Components say what happened (`faultAdded({type, target})`); the reducers
 * build and change the draft, each edit one step of undo.
 */
export const editorSlice = createSlice({
  name: 'editor',
  initialState: initialEditorState,
  reducers: {
    designLoaded(_state, action: PayloadAction<{ id: string; version: number; design: DesignInput }>) {
      return {
        ...initialEditorState,
        designId: action.payload.id,
        version: action.payload.version,
        draft: action.payload.design,
      };
    },
    /**
     * A copy of the design read from the server. It replaces the draft only when it is another
     * design, a newer version, or nothing is loaded yet: a refetch of the version being edited
     * keeps the edits.
     */
    designFetched(state, action: PayloadAction<{ id: string; version: number; design: DesignInput }>) {
      const { id, version, design } = action.payload;
      if (state.draft && state.designId === id && state.version >= version) return;
      return { ...initialEditorState, designId: id, version, draft: design };
    },
    designSaved(state, action: PayloadAction<{ version: number }>) {
      state.version = action.payload.version;
      state.dirty = false;
    },
    ...partReducers,
    ...faultReducers,
    ...resilienceReducers,
    ...designReducers,
    ...layoutReducers,
    selectionToggled(state, action: PayloadAction<{ id: string; selected: boolean }[]>) {
      const selected = new Set(state.selection);
      for (const { id, selected: on } of action.payload) {
        if (on) selected.add(id);
        else selected.delete(id);
      }
      state.selection = [...selected];
    },
    selectionChanged(state, action: PayloadAction<string[]>) {
      state.selection = action.payload;
    },
    undo(state) {
      const previous = state.past.pop();
      if (!previous) return;
      state.future.push(state.draft!);
      state.draft = previous;
      state.dirty = true;
    },
    redo(state) {
      const next = state.future.pop();
      if (!next) return;
      state.past.push(state.draft!);
      state.draft = next;
      state.dirty = true;
    },
  },
});

export const editorActions = editorSlice.actions;
