import { useEffect, useRef } from 'react';

/** A save met a newer version: say so, and let the user reload rather than overwrite. */
export function ConflictDialog({ onReload, onClose }: { onReload: () => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  return (
    <dialog ref={dialog} className="dialog" data-testid="conflict" onClose={onClose} aria-labelledby="conflict-title">
      <h2 id="conflict-title">Someone else changed this design</h2>
      <p>
        The design was saved elsewhere (another tab or another person) after you opened it, so your save was refused and
        nothing was overwritten. Reload to see their version; your unsaved changes here will be discarded.
      </p>
      <div className="actions">
        <button type="button" onClick={() => dialog.current?.close()}>
          Keep editing
        </button>
        <button type="button" className="primary" data-testid="conflict.reload" onClick={onReload}>
          Reload their version
        </button>
      </div>
    </dialog>
  );
}
