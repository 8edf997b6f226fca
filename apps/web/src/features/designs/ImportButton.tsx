import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { designOf } from '@faultline/schemas';
import { problemOf, useImportDesignMutation, useSaveDesignMutation } from '../../api/faultline-api.ts';
import { lacksPositions, laidOut } from '../../editor/layout.ts';
import { importProblemText } from './import-problem.ts';

/** Importing a file: the button starts it, the problem box (apart, under the title) says why it failed. */
export function useDesignImport() {
  const navigate = useNavigate();
  const [importDesign, { error, reset }] = useImportDesignMutation();
  const [save] = useSaveDesignMutation();
  const [fileName, setFileName] = useState<string>();
  const upload = async (file: File) => {
    setFileName(file.name);
    const outcome = await importDesign({ text: await file.text(), yaml: /\.ya?ml$/i.test(file.name) });
    const stored = outcome.data;
    if (!stored) return;
    // A file written by hand often says nothing of positions: it opens laid out, not in a heap.
    const design = designOf(stored);
    if (lacksPositions(design)) await save({ id: stored.id, design: laidOut(design), version: stored.version });
    navigate(`/designs/${stored.id}`);
  };
  return { upload, error, fileName, reset };
}
export type DesignImport = ReturnType<typeof useDesignImport>;

/** Imports a JSON or YAML design file through the design service, which validates it. */
export function ImportButton({ importer }: { importer: DesignImport }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        Import…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,.yaml,.yml"
        hidden
        aria-label="Design file to import"
        data-testid="designs.import"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared, so choosing the same file again (after fixing it) imports again.
          e.target.value = '';
          if (file) void importer.upload(file);
        }}
      />
    </>
  );
}

/** Why the last import failed, in words, with the fields at fault. */
export function ImportProblem({ importer: { error, fileName, reset } }: { importer: DesignImport }) {
  if (!error) return null;
  const problem = problemOf(error);
  return (
    <div role="alert" className="problem import-problem" data-testid="import.problem">
      <strong>{importProblemText(problem, fileName)}</strong>
      {!!problem?.errors?.length && (
        <ul>
          {problem.errors.map((e) => (
            <li key={e.path}>
              <code>{e.path}</code> {e.message}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={reset}>
        Dismiss
      </button>
    </div>
  );
}
