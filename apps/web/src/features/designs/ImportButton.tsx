import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Problem, StoredDesign } from '@faultline/schemas';

/** Imports a JSON or YAML design file through the design service, which validates it. */
export function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const navigate = useNavigate();

  const upload = async (file: File) => {
    const yaml = /\.ya?ml$/i.test(file.name);
    const response = await fetch('/api/designs/import', {
      method: 'POST',
      headers: { 'content-type': yaml ? 'application/yaml' : 'application/json' },
      body: await file.text(),
    });
    if (!response.ok) return setProblem((await response.json()) as Problem);
    setProblem(null);
    navigate(`/designs/${((await response.json()) as StoredDesign).id}`);
  };

  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>Import…</button>
      <input
        ref={input}
        type="file"
        accept=".json,.yaml,.yml"
        hidden
        aria-label="Design file to import"
        data-testid="designs.import"
        onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])}
      />
      {problem && (
        <div role="alert" className="problem">
          <strong>{problem.detail ?? problem.title}</strong>
          <ul>{problem.errors?.map((e) => <li key={e.path}><code>{e.path}</code> {e.message}</li>)}</ul>
        </div>
      )}
    </>
  );
}
