import { useAppDispatch, useAppSelector } from '../app/hooks.ts';
import { editorActions } from './editor-slice.ts';
import { describeRemoval } from './removal.ts';
import { selectEditor } from './selectors.ts';

/** After a delete that took more than the selection: what else went, and one Undo for all of it. */
export function RemovalNotice() {
  const dispatch = useAppDispatch();
  const removal = useAppSelector(selectEditor).removal;
  if (!removal) return null;
  return (
    <div className="notice" role="status" data-testid="removal-notice">
      <span>
        Deleted {removal.deleted.join(', ')}: {describeRemoval(removal)}.
      </span>
      <button type="button" data-testid="removal-notice.undo" onClick={() => dispatch(editorActions.undo())}>
        Undo
      </button>
      <button
        type="button"
        className="link"
        aria-label="Dismiss"
        onClick={() => dispatch(editorActions.removalNoticeDismissed())}
      >
        ×
      </button>
    </div>
  );
}
