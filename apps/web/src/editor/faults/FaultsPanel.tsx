import { useState } from 'react';
import { FAULT_TARGETS, FAULT_TYPES, type FaultType, type FieldIssue } from '@faultline/schemas';
import { problemOf, useLazyPresetFaultsQuery, useListScenarioPresetsQuery } from '../../api/faultline-api.ts';
import { useAppDispatch, useAppSelector } from '../../app/hooks.ts';
import { editorActions, type FaultDraft } from '../editor-slice.ts';
import { Field } from '../fields/Field.tsx';
import { relativeTo } from '../fields/issues.ts';
import { SelectField } from '../fields/SelectField.tsx';
import { selectDraft, selectIssues } from '../selectors.ts';
import { DEFAULT_FAULT_PARAMS, FAULT_FORMS } from './fault-forms.tsx';
import { ScheduleEditor } from './ScheduleEditor.tsx';

type Target = { component: string } | { connection: string };
const targetOf = (f: FaultDraft) => ('component' in f.target ? f.target.component : f.target.connection);

/** Faults on the selected component or connection: add by type or preset, edit, switch off, remove. */
export function FaultsPanel({ target }: { target: Target }) {
  const dispatch = useAppDispatch();
  const draft = useAppSelector(selectDraft)!;
  const issues = useAppSelector(selectIssues);
  const presets = useListScenarioPresetsQuery().data?.items ?? [];
  const onComponent = 'component' in target;
  const targetId = onComponent ? target.component : target.connection;
  const connection = onComponent ? undefined : draft.connections?.find((c) => c.id === targetId);
  const types = FAULT_TYPES.filter((t) =>
    onComponent
      ? FAULT_TARGETS[t].component
      : FAULT_TARGETS[t].connection && (!FAULT_TARGETS[t].asyncOnly || connection?.mode === 'async'),
  );
  const [type, setType] = useState<FaultType>(types[0]!);
  const faults = (draft.faults ?? []).map((f, index) => ({ f, index })).filter(({ f }) => targetOf(f) === targetId);

  const [loadPresetFaults, presetRequest] = useLazyPresetFaultsQuery();

  const addPreset = async (presetId: string) => {
    const outcome = await loadPresetFaults({ presetId, target });
    // The editor names faults itself, so a preset applied twice gets two distinct ids.
    for (const { id: _id, ...fault } of outcome.data?.items ?? []) dispatch(editorActions.faultAdded(fault));
  };

  return (
    <section className="subpanel" aria-label="Faults" data-testid="faults">
      <h3>Faults</h3>
      {faults.map(({ f, index }) => (
        <FaultEditor
          key={f.id}
          fault={f}
          issues={relativeTo(issues, `/faults/${index}`)}
          onChange={(next) => dispatch(editorActions.faultChanged(next))}
        />
      ))}
      <div className="add-row">
        <SelectField
          label="Type"
          value={types.includes(type) ? type : types[0]!}
          options={types}
          onChange={setType}
          testId="faults.type"
        />
        <button
          type="button"
          data-testid="faults.add"
          onClick={() => {
            const chosen = types.includes(type) ? type : types[0]!;
            dispatch(
              editorActions.faultAdded({
                type: chosen,
                name: `${chosen} on ${targetId}`,
                target,
                params: DEFAULT_FAULT_PARAMS[chosen],
                schedule: { startMs: 10_000, durationMs: 10_000 },
              } as Omit<FaultDraft, 'id'>),
            );
          }}
        >
          Add fault
        </button>
      </div>
      <label>
        Preset
        <select value="" onChange={(e) => e.target.value && void addPreset(e.target.value)} data-testid="faults.preset">
          <option value="">Choose a preset…</option>
          {presets
            .filter((p) => p.target === (onComponent ? 'component' : 'connection'))
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </select>
      </label>
      {presetRequest.isError && (
        <p className="field-error" role="alert">
          {problemOf(presetRequest.error)?.detail ?? 'The scenario presets could not be reached; no fault was added.'}
        </p>
      )}
    </section>
  );
}

/** One fault: its name, on/off, the form of its type, and its schedule. */
export function FaultEditor({
  fault,
  issues,
  onChange,
}: {
  fault: FaultDraft;
  issues: FieldIssue[];
  onChange: (fault: FaultDraft) => void;
}) {
  const dispatch = useAppDispatch();
  const Form = FAULT_FORMS[fault.type];
  return (
    <fieldset className={`fault${fault.enabled === false ? ' disabled' : ''}`} data-testid={`fault.${fault.id}`}>
      <legend>
        {fault.type} · {fault.id}
      </legend>
      <Field
        label="Name"
        type="text"
        value={fault.name}
        issues={issues.filter((i) => i.path === '/name')}
        onCommit={(name) => onChange({ ...fault, name })}
      />
      <label className="inline">
        <input
          type="checkbox"
          checked={fault.enabled !== false}
          onChange={(e) => onChange({ ...fault, enabled: e.target.checked })}
          data-testid={`fault.${fault.id}.enabled`}
        />{' '}
        enabled
      </label>
      <Form
        params={(fault.params ?? {}) as Record<string, unknown>}
        issues={issues}
        onChange={(params) => onChange({ ...fault, params } as FaultDraft)}
      />
      <ScheduleEditor
        schedule={(fault.schedule ?? {}) as never}
        issues={issues}
        onChange={(schedule) => onChange({ ...fault, schedule } as FaultDraft)}
      />
      <button type="button" className="danger" onClick={() => dispatch(editorActions.faultRemoved(fault.id))}>
        Remove fault
      </button>
    </fieldset>
  );
}

/** Every fault of the design, for an overview with nothing selected; a click selects its target. */
export function FaultList() {
  const dispatch = useAppDispatch();
  const draft = useAppSelector(selectDraft)!;
  const faults = draft.faults ?? [];
  if (!faults.length) return null;
  return (
    <section className="subpanel" aria-label="All faults" data-testid="faults.all">
      <h3>All faults</h3>
      <ul>
        {faults.map((f) => (
          <li key={f.id}>
            <label className="inline">
              <input
                type="checkbox"
                checked={f.enabled !== false}
                aria-label={`${f.name} enabled`}
                onChange={(e) => dispatch(editorActions.faultChanged({ ...f, enabled: e.target.checked }))}
              />
              <button
                type="button"
                className="link"
                onClick={() => dispatch(editorActions.selectionChanged([targetOf(f)]))}
              >
                {f.name} ({f.type} on {targetOf(f)})
              </button>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
