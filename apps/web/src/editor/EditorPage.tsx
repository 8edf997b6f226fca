import { useCallback, useEffect, useState } from 'react';
import { Link, useBlocker, useParams } from 'react-router';
import { ReactFlowProvider } from '@xyflow/react';
import { designOf, type ComponentKind } from '@faultline/schemas';
import { problemOf, useGetDesignQuery, useSaveDesignMutation } from '../api/faultline-api.ts';
import { useAppDispatch, useAppSelector } from '../app/hooks.ts';
import { ExportLinks } from '../features/designs/ExportLinks.tsx';
import { LaunchDialog } from '../features/runs/LaunchDialog.tsx';
import { RunHistory } from '../features/runs/RunHistory.tsx';
import { Canvas } from './Canvas.tsx';
import { ConflictDialog } from './ConflictDialog.tsx';
import { editorActions } from './editor-slice.ts';
import { FaultList } from './faults/FaultList.tsx';
import { freeSpot } from './layout.ts';
import { FaultsPanel } from './faults/FaultsPanel.tsx';
import { Palette } from './Palette.tsx';
import { PropertyPanel } from './PropertyPanel.tsx';
import { ResiliencePanel } from './resilience/ResiliencePanel.tsx';
import { ProblemsList } from './ProblemsList.tsx';
import { RemovalNotice } from './RemovalNotice.tsx';
import { selectCanRedo, selectCanUndo, selectEditor, selectProblems, selectSelectedPart } from './selectors.ts';
import { useEditorKeys } from './use-editor-keys.ts';

/** `/designs/:id`: the canvas, its panels, saving with the version, and launching runs. */
export function EditorPage() {
  const { id = '' } = useParams();
  const dispatch = useAppDispatch();
  const { data, isError, refetch } = useGetDesignQuery(id, { refetchOnMountOrArgChange: true });
  const editor = useAppSelector(selectEditor);
  const problems = useAppSelector(selectProblems);
  const canUndo = useAppSelector(selectCanUndo);
  const canRedo = useAppSelector(selectCanRedo);
  const selected = useAppSelector(selectSelectedPart);
  const [save, saving] = useSaveDesignMutation();
  const [conflict, setConflict] = useState(false);
  const [launching, setLaunching] = useState(false);

  // Every copy read from the server goes to the slice, which keeps the draft unless the copy is
  // another design or a newer version.
  useEffect(() => {
    if (data) dispatch(editorActions.designFetched({ id: data.id, version: data.version, design: designOf(data) }));
  }, [data, dispatch]);

  /** Saves the draft over `version`: the one it was loaded at, or theirs when the user overwrites it. */
  const saveOver = useCallback(
    async (version: number) => {
      if (!editor.draft || !editor.designId) return;
      const revision = editor.revision;
      const result = await save({ id: editor.designId, design: editor.draft, version });
      if ('data' in result && result.data) {
        setConflict(false);
        dispatch(editorActions.designSaved({ version: result.data.version, revision }));
      } else if (problemOf(result.error)?.status === 409) {
        // Theirs is fetched to compare with and to save over; the draft is not touched.
        const fresh = await refetch();
        if (fresh.data)
          dispatch(editorActions.saveConflicted({ version: fresh.data.version, design: designOf(fresh.data) }));
        setConflict(true);
      }
    },
    [dispatch, editor.draft, editor.designId, editor.revision, refetch, save],
  );
  const onSave = useCallback(() => void saveOver(editor.version), [saveOver, editor.version]);
  const canSave = problems.length === 0 && editor.dirty && !saving.isLoading;
  useEditorKeys({ canSave, save: onSave });

  // Leaving with unsaved changes asks first: in the app, and when closing the tab.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => editor.dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state === 'blocked') {
      if (window.confirm('This design has unsaved changes. Leave and lose them?')) blocker.proceed();
      else blocker.reset();
    }
  }, [blocker]);
  useEffect(() => {
    if (!editor.dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [editor.dirty]);

  if (isError)
    return (
      <p role="alert">
        This design cannot be loaded. <Link to="/">Back to the designs</Link>
      </p>
    );
  if (!editor.draft || editor.designId !== id) return <p>Loading…</p>;

  const addInView = (kind: ComponentKind) =>
    dispatch(
      editorActions.componentAdded({
        kind,
        // Beside what is drawn, never on top of it.
        position: freeSpot(editor.draft!, { x: 120, y: 60 }),
      }),
    );

  return (
    <div className="editor">
      <div className="toolbar" role="toolbar" aria-label="Design">
        <h1>{editor.draft.name}</h1>
        <span className="status" data-testid="editor.status" aria-live="polite">
          {problems.length > 0
            ? 'Fix the problems to save'
            : editor.dirty
              ? editor.theirs
                ? `Unsaved changes · version ${editor.theirs.version} was saved elsewhere`
                : 'Unsaved changes'
              : `Saved · version ${editor.version}`}
        </span>
        <ProblemsList />
        <button type="button" onClick={() => dispatch(editorActions.undo())} disabled={!canUndo} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button
          type="button"
          onClick={() => dispatch(editorActions.redo())}
          disabled={!canRedo}
          title="Redo (Ctrl+Shift+Z)"
        >
          Redo
        </button>
        <button
          type="button"
          className="primary"
          data-testid="editor.save"
          onClick={onSave}
          disabled={!canSave}
          title="Save (Ctrl+S)"
        >
          Save
        </button>
        <button
          type="button"
          data-testid="editor.run"
          onClick={() => setLaunching(true)}
          disabled={editor.dirty}
          title={editor.dirty ? 'Save before running' : 'Run a simulation'}
        >
          Run…
        </button>
        {/* The saved version is what downloads: unsaved edits are not in the file. */}
        <ExportLinks id={id} name={editor.draft.name} />
      </div>
      <RemovalNotice />
      <div className="workspace">
        <Palette onAdd={addInView} />
        <ReactFlowProvider>
          <Canvas />
        </ReactFlowProvider>
        <div className="side">
          {selected && (
            <button
              type="button"
              className="link back"
              data-testid="editor.designSettings"
              onClick={() => dispatch(editorActions.selectionChanged([]))}
            >
              ← Design settings (Esc)
            </button>
          )}
          <PropertyPanel />
          {/* Keyed by the part: each one's choices (a fault type, a pattern) start afresh. */}
          {selected?.part === 'component' && selected.component.kind !== 'client' && (
            <FaultsPanel key={`faults.${selected.component.id}`} target={{ component: selected.component.id }} />
          )}
          {selected?.part === 'component' && (
            <ResiliencePanel key={`resilience.${selected.component.id}`} componentId={selected.component.id} />
          )}
          {selected?.part === 'connection' && (
            <FaultsPanel key={`faults.${selected.connection.id}`} target={{ connection: selected.connection.id }} />
          )}
          {!selected && <FaultList />}
          {!selected && <RunHistory designId={id} />}
        </div>
      </div>
      {conflict && (
        <ConflictDialog
          onClose={() => setConflict(false)}
          onOverwrite={() => editor.theirs && void saveOver(editor.theirs.version)}
          onReload={() => {
            setConflict(false);
            dispatch(editorActions.theirsTaken());
          }}
        />
      )}
      {launching && <LaunchDialog designId={id} design={editor.draft} onClose={() => setLaunching(false)} />}
    </div>
  );
}
