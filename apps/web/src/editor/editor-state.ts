import { current } from '@reduxjs/toolkit';
import type { DesignInput } from '@faultline/schemas';

/** The design being edited: kept apart from React so every rule here is tested without a browser. */
export interface EditorState {
  designId: string | null;
  /** The version the draft was loaded or last saved at: sent with the next save. */
  version: number;
  draft: DesignInput | null;
  selection: string[];
  past: DesignInput[];
  future: DesignInput[];
  /** The draft before a drag began: a drag is one step of undo, not one per pixel. */
  dragOrigin: DesignInput | null;
  dirty: boolean;
  /** Counts every change of the draft: a save answered later clears `dirty` only if nothing changed since it was sent. */
  revision: number;
  /**
   * A newer version on the server, met while the draft had unsaved edits (a save refused with 409,
   * or a refetch). The draft is never replaced by it silently: the user overwrites, reloads or compares.
   */
  theirs: { version: number; design: DesignInput } | null;
  /** What the last delete took beyond the selection, for the notice that can undo it. */
  removal: RemovalNotice | null;
}

/** Parts a delete removed because they hung on the selection (their connections, faults and policies). */
export interface RemovalNotice {
  /** The names of what was selected and deleted. */
  deleted: string[];
  connections: number;
  faults: number;
  policies: number;
}

export const initialEditorState: EditorState = {
  designId: null,
  version: 0,
  draft: null,
  selection: [],
  past: [],
  future: [],
  dragOrigin: null,
  dirty: false,
  revision: 0,
  theirs: null,
  removal: null,
};

const HISTORY_LIMIT = 100;

/**
 * Records the draft as it is before a change, so undo can bring it back, and returns the draft to
 * change. A new edit ends the redo history: what was undone no longer follows from here.
 */
export function remember(state: EditorState): DesignInput {
  const draft = state.draft!;
  state.past.push(current(draft));
  if (state.past.length > HISTORY_LIMIT) state.past.shift();
  state.future = [];
  changed(state);
  // The notice speaks of the last delete; after another edit its Undo would undo something else.
  state.removal = null;
  return draft;
}

/** Marks the draft as changed since it was loaded or saved. */
export function changed(state: EditorState): void {
  state.dirty = true;
  state.revision += 1;
}

/** Sets a field to what was entered or, with `undefined`, removes it so its default applies. */
export function assign(target: object, field: string, value: unknown): void {
  if (value === undefined) Reflect.deleteProperty(target, field);
  else Reflect.set(target, field, value);
}
