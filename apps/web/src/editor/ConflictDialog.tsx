import { useEffect, useRef, useState } from 'react';
import { useAppSelector } from '../app/hooks.ts';
import { selectDifferences, selectEditor } from './selectors.ts';

/**
 * A save met a newer version. Nothing is lost whatever the choice: the draft and its undo history
 * stay until the user overwrites theirs with it, takes theirs (one undo brings the draft back),
 * or closes the dialog and keeps editing.
 */
export function ConflictDialog({
  onOverwrite,
  onReload,
  onClose,
}: {
  onOverwrite: () => void;
  onReload: () => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const differences = useAppSelector(selectDifferences);
  const theirs = useAppSelector(selectEditor).theirs;
  const [comparing, setComparing] = useState(false);
  useEffect(() => dialog.current?.showModal(), []);
  return (
    <dialog ref={dialog} className="dialog" data-testid="conflict" onClose={onClose} aria-labelledby="conflict-title">
      <h2 id="conflict-title">Someone else changed this design</h2>
      <p>
        Version {theirs?.version ?? 'newer'} was saved elsewhere (another tab or another person) after you opened it, so
        your save was refused and nothing was overwritten. Your changes are still here, with their undo history.
      </p>
      <button
        type="button"
        className="link"
        aria-expanded={comparing}
        aria-controls="conflict-differences"
        data-testid="conflict.compare"
        onClick={() => setComparing((on) => !on)}
      >
        {comparing ? 'Hide the difference' : 'See the difference'}
      </button>
      {comparing && (
        <div id="conflict-differences" className="differences" data-testid="conflict.differences">
          {differences.length === 0 ? (
            <p>Your version and theirs hold the same design.</p>
          ) : (
            <table>
              <caption>What differs between their version and yours</caption>
              <thead>
                <tr>
                  <th scope="col">Where</th>
                  <th scope="col">Field</th>
                  <th scope="col">Theirs</th>
                  <th scope="col">Yours</th>
                </tr>
              </thead>
              <tbody>
                {differences.map((d) => (
                  <tr key={`${d.where}/${d.field}`}>
                    <td>{d.where}</td>
                    <td>{d.field || 'the whole part'}</td>
                    <td>{d.theirs}</td>
                    <td>{d.mine}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      <div className="actions">
        <button type="button" data-testid="conflict.keep" onClick={() => dialog.current?.close()}>
          Keep editing
        </button>
        <button type="button" data-testid="conflict.reload" onClick={onReload}>
          Reload theirs
        </button>
        <button type="button" className="primary" data-testid="conflict.overwrite" onClick={onOverwrite}>
          Overwrite with mine
        </button>
      </div>
    </dialog>
  );
}
