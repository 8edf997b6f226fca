import { useState } from 'react';
import { designOf } from '@faultline/schemas';
import { problemOf, useLazyGetDesignQuery, useSaveDesignMutation } from '../../api/faultline-api.ts';

/** Renames in place: the current design is read with its version, so a concurrent edit is refused, not overwritten. */
export function RenameDesign({ id, name, onDone }: { id: string; name: string; onDone: () => void }) {
  const [text, setText] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const [load] = useLazyGetDesignQuery();
  const [save] = useSaveDesignMutation();

  const submit = async () => {
    if (text.trim() === name) return onDone();
    const stored = await load(id).unwrap();
    const result = await save({ id, design: { ...designOf(stored), name: text }, version: stored.version });
    if ('error' in result) {
      const problem = problemOf(result.error);
      setError(problem?.errors?.[0]?.message ?? problem?.detail ?? 'The name was not saved.');
    } else onDone();
  };

  return (
    <form className="rename" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <input
        aria-label="New name"
        value={text}
        autoFocus
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && onDone()}
        data-testid="designs.renameInput"
      />
      <button type="submit">Save name</button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
