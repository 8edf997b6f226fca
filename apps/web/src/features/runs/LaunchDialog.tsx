import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { problemOf, useLaunchRunMutation } from '../../api/faultline-api.ts';
import { Field, numberOrText } from '../../editor/fields/Field.tsx';

/** Run settings (durations in seconds here, sent in ms) and the launch; the run page follows it live. */
export function LaunchDialog({ designId, onClose }: { designId: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const [launch, { isLoading, error }] = useLaunchRunMutation();
  const navigate = useNavigate();
  const [values, setValues] = useState({ duration: '60', warmup: '5', seed: '1', replications: '1' });
  const [scenario, setScenario] = useState('baseline-vs-chaos');
  const problem = problemOf(error);
  const issuesAt = (field: string) => problem?.errors?.filter((e) => e.path.startsWith(`/settings/${field}`)) ?? [];
  const set = (field: keyof typeof values) => (text: string) => setValues((v) => ({ ...v, [field]: text }));
  const seconds = (text: string) => {
    const n = numberOrText(text);
    return typeof n === 'number' ? Math.round(n * 1000) : n;
  };

  const submit = async () => {
    const run = await launch({
      designId,
      settings: {
        durationMs: seconds(values.duration),
        warmupMs: seconds(values.warmup),
        seed: numberOrText(values.seed),
        replications: numberOrText(values.replications),
        scenario: { kind: scenario },
      },
    }).unwrap().catch(() => null);
    if (run) navigate(`/runs/${run.id}`);
  };

  return (
    <dialog ref={dialog} className="dialog" data-testid="launch" onClose={onClose} aria-labelledby="launch-title">
      <h2 id="launch-title">Run a simulation</h2>
      <Field label="Duration" unit="s" value={values.duration} onCommit={set('duration')} issues={issuesAt('durationMs')} testId="launch.duration" />
      <Field label="Warm-up" unit="s, not measured" value={values.warmup} onCommit={set('warmup')} issues={issuesAt('warmupMs')} />
      <Field label="Seed" value={values.seed} onCommit={set('seed')} issues={issuesAt('seed')} />
      <Field label="Replications" value={values.replications} onCommit={set('replications')} issues={issuesAt('replications')} />
      <label>
        Scenario
        <select value={scenario} onChange={(e) => setScenario(e.target.value)} data-testid="launch.scenario">
          <option value="single">single run</option>
          <option value="baseline-vs-chaos">baseline vs chaos (faults off and on, same traffic)</option>
        </select>
      </label>
      {problem && !problem.errors?.length && <p role="alert" className="field-error">{problem.detail ?? problem.title}</p>}
      <div className="actions">
        <button type="button" onClick={() => dialog.current?.close()}>Cancel</button>
        <button type="button" className="primary" data-testid="launch.start" disabled={isLoading} onClick={submit}>Start</button>
      </div>
    </dialog>
  );
}
