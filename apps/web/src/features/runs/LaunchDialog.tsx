import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  defaultsOf,
  discriminatorValues,
  RunSettingsSchema,
  ScenarioSchema,
  type DesignInput,
  type Scenario,
} from '@faultline/schemas';
import { problemOf, useLaunchRunMutation } from '../../api/faultline-api.ts';
import { durationOrText } from '../../editor/fields/durations.ts';
import { Field, numberOrText } from '../../editor/fields/Field.tsx';
import { issuesAt } from '../../editor/fields/issues.ts';
import { warningsBeforeLaunch } from './launch-checks.ts';
import { rememberedSettings, rememberSettings } from './remembered-settings.ts';

const SETTINGS = defaultsOf(RunSettingsSchema);
const SCENARIOS = discriminatorValues(ScenarioSchema, 'kind');
const SCENARIO_LABELS: Record<Scenario['kind'], string> = {
  single: 'single run',
  'baseline-vs-chaos': 'baseline vs chaos (faults off and on, same traffic)',
  sweep: 'sweep a parameter (find the collapse point)',
  'defence-analysis': 'defence analysis (which resilience policy helped)',
};

/** A duration typed in the dialog, whose fields show seconds: `90`, `90s`, `1.5m`, `500ms`. */
const seconds = (text: string) => durationOrText(text, 's');

/** The numbers of a design worth sweeping: each fault's probability and the arrival rate. */
export function sweepableParameters(design: DesignInput): { pointer: string; label: string }[] {
  const faults = (design.faults ?? []).flatMap((f, i) =>
    actsPerRequest(f) ? [{ pointer: `/faults/${i}/schedule/probability`, label: `${f.name}: probability` }] : [],
  );
  const rate =
    design.workload && 'ratePerSecond' in design.workload.arrival
      ? [{ pointer: '/workload/arrival/ratePerSecond', label: 'Arrival rate (requests per second)' }]
      : [];
  return [...faults, ...rate];
}

/**
 * Whether a fault's probability means anything: a crash, a memory leak and connection exhaustion
 * act on the whole component for their window (ARCHITECTURE, "faults"), so sweeping theirs would
 * give the same run at every step.
 */
function actsPerRequest(fault: NonNullable<DesignInput['faults']>[number]): boolean {
  if (fault.type === 'crash') return false;
  return !(fault.type === 'resource-exhaustion' && ['memory', 'connections'].includes(fault.params.resource));
}

/**
 * Run settings (durations shown in seconds, typed with any unit, sent in ms) and the launch; the run
 * page follows it live. The dialog opens with the settings of this design's last launch.
 */
export function LaunchDialog({
  designId,
  design,
  onClose,
}: {
  designId: string;
  design: DesignInput;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const [launch, { isLoading, error }] = useLaunchRunMutation();
  const navigate = useNavigate();
  const [remembered] = useState(() => rememberedSettings(designId));
  // A minute with five seconds of warm-up shows a fault's window whole (a duration is required,
  // and the schema's warm-up of 0 would count the empty system's first requests).
  const [values, setValues] = useState(
    () =>
      remembered?.values ?? {
        duration: '60',
        warmup: '5',
        seed: String(SETTINGS.seed),
        replications: String(SETTINGS.replications),
      },
  );
  const [scenario, setScenario] = useState<Scenario['kind']>(remembered?.scenario ?? 'baseline-vs-chaos');
  const scenarioId = useId();
  const parameterId = useId();
  const parameters = sweepableParameters(design);
  const [sweep, setSweep] = useState(() => {
    const fresh = { parameter: parameters[0]?.pointer ?? '', from: '0', to: '1', steps: '5' };
    // A remembered parameter the design no longer has gives way to the first it has.
    return remembered && parameters.some((p) => p.pointer === remembered.sweep.parameter) ? remembered.sweep : fresh;
  });
  const setSweepField = (field: keyof typeof sweep) => (text: string) => setSweep((v) => ({ ...v, [field]: text }));
  const problem = problemOf(error);
  const warnings = warningsBeforeLaunch(design, seconds(values.duration), seconds(values.warmup));
  const settingsIssues = (field: string) => issuesAt(problem?.errors ?? [], `/settings/${field}`);
  const set = (field: keyof typeof values) => (text: string) => setValues((v) => ({ ...v, [field]: text }));

  const submit = async () => {
    rememberSettings(designId, { values, scenario, sweep });
    const run = await launch({
      designId,
      settings: {
        durationMs: seconds(values.duration),
        warmupMs: seconds(values.warmup),
        seed: numberOrText(values.seed),
        replications: numberOrText(values.replications),
        scenario:
          scenario === 'sweep'
            ? {
                kind: 'sweep',
                parameter: sweep.parameter,
                from: numberOrText(sweep.from),
                to: numberOrText(sweep.to),
                steps: numberOrText(sweep.steps),
              }
            : { kind: scenario },
      },
    })
      .unwrap()
      .catch(() => null);
    if (run) navigate(`/runs/${run.id}`);
  };

  return (
    <dialog ref={dialog} className="dialog" data-testid="launch" onClose={onClose} aria-labelledby="launch-title">
      <h2 id="launch-title">Run a simulation</h2>
      <Field
        label="Duration"
        unit="s"
        value={values.duration}
        onCommit={set('duration')}
        issues={settingsIssues('durationMs')}
        testId="launch.duration"
      />
      <Field
        label="Warm-up"
        unit="s, not measured"
        value={values.warmup}
        onCommit={set('warmup')}
        issues={settingsIssues('warmupMs')}
        testId="launch.warmup"
      />
      <Field
        label="Seed"
        value={values.seed}
        onCommit={set('seed')}
        issues={settingsIssues('seed')}
        testId="launch.seed"
      />
      <Field
        label="Replications"
        value={values.replications}
        onCommit={set('replications')}
        issues={settingsIssues('replications')}
        testId="launch.replications"
      />
      <div className="field">
        <label htmlFor={scenarioId}>Scenario</label>
        <select
          id={scenarioId}
          value={scenario}
          onChange={(e) => setScenario(SCENARIOS.find((kind) => kind === e.target.value) ?? scenario)}
          data-testid="launch.scenario"
        >
          {SCENARIOS.filter((kind) => kind !== 'sweep' || parameters.length > 0).map((kind) => (
            <option key={kind} value={kind}>
              {SCENARIO_LABELS[kind]}
            </option>
          ))}
        </select>
      </div>
      {scenario === 'sweep' && (
        <fieldset>
          <legend>Sweep</legend>
          <div className="field">
            <label htmlFor={parameterId}>Parameter</label>
            <select
              id={parameterId}
              value={sweep.parameter}
              onChange={(e) => setSweepField('parameter')(e.target.value)}
              data-testid="launch.parameter"
            >
              {parameters.map((p) => (
                <option key={p.pointer} value={p.pointer}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
          <Field
            label="From"
            value={sweep.from}
            onCommit={setSweepField('from')}
            issues={settingsIssues('scenario/from')}
          />
          <Field label="To" value={sweep.to} onCommit={setSweepField('to')} issues={settingsIssues('scenario/to')} />
          <Field
            label="Steps"
            value={sweep.steps}
            onCommit={setSweepField('steps')}
            issues={settingsIssues('scenario/steps')}
          />
          {settingsIssues('scenario/parameter').map((i) => (
            <p key={i.message} className="field-error" role="alert">
              {i.message}
            </p>
          ))}
        </fieldset>
      )}
      {warnings.length > 0 && (
        <ul className="launch-warnings" aria-label="Before you launch">
          {warnings.map((w) => (
            <li key={w.faultId} data-testid="launch.warning">
              ⚠ {w.message}
            </li>
          ))}
        </ul>
      )}
      {problem && !problem.errors?.length && (
        <p role="alert" className="field-error">
          {problem.detail ?? problem.title}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
        <button type="button" className="primary" data-testid="launch.start" disabled={isLoading} onClick={submit}>
          Start
        </button>
      </div>
    </dialog>
  );
}
