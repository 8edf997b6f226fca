import { useRef } from 'react';
import { useNavigate } from 'react-router';
import { problemOf, useImportDesignMutation } from '../../api/faultline-api.ts';
import { importProblemText } from './import-problem.ts';

/** The button and its problem box share one mutation: the box sits under the title, apart from the buttons. */
const IMPORT = { fixedCacheKey: 'design-import' };

/** Imports a JSON or YAML design file through the design service, which validates it. */
export function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();
  const [importDesign] = useImportDesignMutation(IMPORT);

  const upload = async (file: File) => {
    const outcome = await importDesign({
      text: await file.text(),
      yaml: /\.ya?ml$/i.test(file.name),
      fileName: file.name,
    });
    if (outcome.data) navigate(`/designs/${outcome.data.id}`);
  };

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
          e.target.value = '';
          if (file) void upload(file);
        }}
      />
    </>
  );
}

/** Why the last import failed, in words, with the fields at fault. */
export function ImportProblem() {
  const [, { error, originalArgs, reset }] = useImportDesignMutation(IMPORT);
  if (!error) return null;
  const problem = problemOf(error);
  return (
    <div role="alert" className="problem import-problem" data-testid="import.problem">
      <strong>{importProblemText(problem, originalArgs?.fileName)}</strong>
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
