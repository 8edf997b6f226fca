import { useRef } from 'react';
import { useNavigate } from 'react-router';
import { problemOf, useImportDesignMutation } from '../../api/faultline-api.ts';

/** Imports a JSON or YAML design file through the design service, which validates it. */
export function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();
  const [importDesign, { error }] = useImportDesignMutation();
  const problem = problemOf(error);

  const upload = async (file: File) => {
    const outcome = await importDesign({ text: await file.text(), yaml: /\.ya?ml$/i.test(file.name) });
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
        onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])}
      />
      {error && (
        <div role="alert" className="problem">
          <strong>
            {problem?.detail ?? problem?.title ?? 'The design service did not answer; nothing was imported.'}
          </strong>
          <ul>
            {problem?.errors?.map((e) => (
              <li key={e.path}>
                <code>{e.path}</code> {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
