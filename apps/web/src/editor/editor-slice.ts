import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { DesignInput } from '@faultline/schemas';
import { changed, initialEditorState, remember } from './editor-state.ts';
import { designReducers } from './reducers/design.ts';
import { faultReducers } from './reducers/faults.ts';
import { layoutReducers } from './reducers/layout.ts';
import { operationReducers } from './reducers/operations.ts';
import { partReducers } from './reducers/parts.ts';
import { resilienceReducers } from './reducers/resilience.ts';

export { initialEditorState, type EditorState, type RemovalNotice } from './editor-state.ts';

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
     * design, or nothing is loaded yet, or a newer version while the draft has no unsaved edits. A
     * newer version met with unsaved edits is kept aside as theirs: the edits are never dropped.
     */
    designFetched(state, action: PayloadAction<{ id: string; version: number; design: DesignInput }>) {
      const { id, version, design } = action.payload;
      if (state.draft && state.designId === id) {
        if (version <= state.version) return;
        if (state.dirty) {
          if (!state.theirs || state.theirs.version < version) state.theirs = { version, design };
          return;
        }
      }
      return { ...initialEditorState, designId: id, version, draft: design };
    },
    /**
     * Saved at `version`. `revision` is the draft's revision when the save was sent: an edit made
     * while it was on its way stays unsaved.
     */
    designSaved(state, action: PayloadAction<{ version: number; revision: number }>) {
      state.version = action.payload.version;
      state.dirty = state.revision !== action.payload.revision;
      state.theirs = null;
    },
    /** A save was refused: someone saved `version` meanwhile. The draft and its history stay. */
    saveConflicted(state, action: PayloadAction<{ version: number; design: DesignInput }>) {
      state.theirs = action.payload;
    },
    /**
     * The user chose their version over the draft. One step of undo, so the draft they had is one
     * Ctrl+Z away (saving it then overwrites theirs).
     */
    theirsTaken(state) {
      if (!state.theirs) return;
      remember(state);
      state.draft = state.theirs.design;
      state.version = state.theirs.version;
      state.theirs = null;
      state.dirty = false;
      state.selection = [];
    },
    removalNoticeDismissed(state) {
      state.removal = null;
    },
    ...partReducers,
    ...operationReducers,
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
      changed(state);
      state.removal = null;
    },
    redo(state) {
      const next = state.future.pop();
      if (!next) return;
      state.past.push(state.draft!);
      state.draft = next;
      changed(state);
    },
  },
});

export const editorActions = editorSlice.actions;
