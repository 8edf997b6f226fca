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
  state.dirty = true;
  return draft;
}

/** Sets a field to what was entered or, with `undefined`, removes it so its default applies. */
export function assign(target: object, field: string, value: unknown): void {
  if (value === undefined) Reflect.deleteProperty(target, field);
  else Reflect.set(target, field, value);
}
