import { useEffect } from 'react';
import { useAppDispatch } from '../app/hooks.ts';
import { editorActions } from './editor-slice.ts';
import { afterRender } from './focus-problem.ts';

/**
 * The editor's shortcuts: save, undo and redo with the usual keys (undo and redo outside text
 * fields), and Escape, which deselects and takes the focus back to the design's own settings.
 * A key pressed in an open dialog belongs to the dialog.
 */
export function useEditorKeys({ canSave, save }: { canSave: boolean; save: () => void }) {
  const dispatch = useAppDispatch();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof Element && e.target.closest('dialog')) return;
      if (e.key === 'Escape') {
        dispatch(editorActions.selectionChanged([]));
        afterRender(() => document.querySelector<HTMLElement>('[data-testid="design-settings"] h2')?.focus());
        return;
      }
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) return;
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
      const key = e.key.toLowerCase();
      if (key === 's') {
        e.preventDefault();
        if (canSave) save();
      } else if (!typing && key === 'z') {
        e.preventDefault();
        dispatch(e.shiftKey ? editorActions.redo() : editorActions.undo());
      } else if (!typing && key === 'y') {
        e.preventDefault();
        dispatch(editorActions.redo());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dispatch, canSave, save]);
}
