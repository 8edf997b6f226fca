import type { PayloadAction } from '@reduxjs/toolkit';
import type { Position } from '../draft.ts';
import { remember, type EditorState } from '../editor-state.ts';

/** Where components stand on the canvas, changed all at once (auto-layout): one step of undo. */
export const layoutReducers = {
  layoutApplied(state: EditorState, action: PayloadAction<Record<string, Position>>) {
    const draft = remember(state);
    for (const component of draft.components) {
      const position = action.payload[component.id];
      if (position) component.position = position;
    }
  },
};
