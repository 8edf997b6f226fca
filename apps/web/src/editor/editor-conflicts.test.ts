import { describe, expect, it } from 'vitest';
import { checkoutExample, type DesignInput } from '@faultline/schemas';
import { makeStore } from '../app/store.ts';
import { editorActions as a } from './editor-slice.ts';
import { selectCanUndo, selectDifferences } from './selectors.ts';

function editing(design: DesignInput = structuredClone(checkoutExample)) {
  const store = makeStore();
  store.dispatch(a.designLoaded({ id: 'd1', version: 2, design }));
  return { store, draft: () => store.getState().editor.draft!, editor: () => store.getState().editor };
}

const theirs = (): DesignInput => ({
  ...structuredClone(checkoutExample),
  components: checkoutExample.components.map((c) => (c.id === 'db' ? { ...c, concurrency: 40 } : c)),
});

describe('a save that meets a newer version', () => {
  it('keeps the draft, its unsaved state and its undo history', () => {
    const { store, draft, editor } = editing();
    store.dispatch(a.componentChanged({ id: 'api', field: 'replicas', value: 5 }));
    store.dispatch(a.saveConflicted({ version: 3, design: theirs() }));
    expect(draft().components[1]).toMatchObject({ replicas: 5 });
    expect(editor()).toMatchObject({ version: 2, dirty: true, theirs: { version: 3 } });
    expect(selectCanUndo(store.getState())).toBe(true);
    store.dispatch(a.undo());
    expect(draft().components[1]).toMatchObject({ replicas: 2 });
  });

  it('lists what differs by component and field, by name', () => {
    const { store } = editing();
    store.dispatch(a.componentChanged({ id: 'api', field: 'replicas', value: 5 }));
    store.dispatch(a.connected({ source: 'users', target: 'db' }));
    store.dispatch(a.saveConflicted({ version: 3, design: theirs() }));
    expect(selectDifferences(store.getState())).toEqual(
      expect.arrayContaining([
        { where: 'Checkout API', field: 'Replicas', theirs: '2', mine: '5' },
        { where: 'Orders DB', field: 'Concurrency', theirs: '40', mine: '20' },
        {
          where: 'Users',
          field: 'Calls',
          theirs: 'to Users → Checkout API',
          mine: 'to Users → Checkout API; to Users → Orders DB',
        },
        { where: 'Users → Orders DB', field: '', theirs: '—', mine: 'added' },
      ]),
    );
    expect(selectDifferences(store.getState())).toHaveLength(4);
  });

  it('a save overwriting theirs ends the conflict; an edit made while the save was on its way stays unsaved', () => {
    const { store, editor } = editing();
    store.dispatch(a.componentChanged({ id: 'api', field: 'replicas', value: 5 }));
    store.dispatch(a.saveConflicted({ version: 3, design: theirs() }));
    const sent = editor().revision;
    store.dispatch(a.designRenamed('renamed while saving'));
    store.dispatch(a.designSaved({ version: 4, revision: sent }));
    expect(editor()).toMatchObject({ version: 4, dirty: true, theirs: null });
    store.dispatch(a.designSaved({ version: 5, revision: editor().revision }));
    expect(editor().dirty).toBe(false);
  });

  it('taking theirs is one step of undo: the draft comes back, to be saved over theirs', () => {
    const { store, draft, editor } = editing();
    store.dispatch(a.componentChanged({ id: 'api', field: 'replicas', value: 5 }));
    store.dispatch(a.saveConflicted({ version: 3, design: theirs() }));
    store.dispatch(a.theirsTaken());
    expect(draft().components[2]).toMatchObject({ concurrency: 40 });
    expect(draft().components[1]).toMatchObject({ replicas: 2 });
    expect(editor()).toMatchObject({ version: 3, dirty: false, theirs: null });
    store.dispatch(a.undo());
    expect(draft().components[1]).toMatchObject({ replicas: 5 });
    expect(editor()).toMatchObject({ version: 3, dirty: true });
  });
});
