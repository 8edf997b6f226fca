import { useId, useState } from 'react';
import type { FaultType } from '@faultline/schemas';
import { problemOf, useLazyPresetFaultsQuery, useListScenarioPresetsQuery } from '../../api/faultline-api.ts';
import { useAppDispatch, useAppSelector } from '../../app/hooks.ts';
import type { TargetDraft } from '../draft.ts';
import { editorActions } from '../editor-slice.ts';
import { relativeTo } from '../fields/issues.ts';
import { SelectField } from '../fields/SelectField.tsx';
import { selectFaultsOn, selectFaultTypesFor, selectIssues } from '../selectors.ts';
import { targetIdOf } from '../new-parts.ts';
import { FaultEditor } from './FaultEditor.tsx';

/** Faults on the selected component or connection: add by type or preset, edit, switch off, remove. */
export function FaultsPanel({ target }: { target: TargetDraft }) {
  const dispatch = useAppDispatch();
  const targetId = targetIdOf(target);
  const faults = useAppSelector((state) => selectFaultsOn(state, targetId));
  const types = useAppSelector((state) => selectFaultTypesFor(state, target));
  const issues = useAppSelector(selectIssues);
  const presets = useListScenarioPresetsQuery().data?.items ?? [];
  const [chosen, setChosen] = useState<FaultType>(types[0]!);
  // The choice stays while it applies; a connection switched to sync, say, drops reorder.
  const type = types.includes(chosen) ? chosen : types[0]!;
  const [loadPresetFaults, presetRequest] = useLazyPresetFaultsQuery();
  const presetId = useId();

  const addPreset = async (presetId: string) => {
    const outcome = await loadPresetFaults({ presetId, target });
    if (outcome.data) dispatch(editorActions.presetFaultsAdded(outcome.data.items));
  };

  return (
    <section className="subpanel" aria-label="Faults" data-testid="faults">
      <h3>Faults</h3>
      {faults.map(({ fault, index }) => (
        <FaultEditor key={fault.id} fault={fault} issues={relativeTo(issues, `/faults/${index}`)} />
      ))}
      <div className="add-row">
        <SelectField label="Type" value={type} options={types} onChange={setChosen} testId="faults.type" />
        <button
          type="button"
          data-testid="faults.add"
          onClick={() => dispatch(editorActions.faultAdded({ type, target }))}
        >
          Add fault
        </button>
      </div>
      <div className="field">
        <label htmlFor={presetId}>Preset</label>
        <select
          id={presetId}
          value=""
          onChange={(e) => e.target.value && void addPreset(e.target.value)}
          data-testid="faults.preset"
        >
          <option value="">Choose a preset…</option>
          {presets
            .filter((p) => p.target === ('component' in target ? 'component' : 'connection'))
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </select>
      </div>
      {presetRequest.isError && (
        <p className="field-error" role="alert">
          {problemOf(presetRequest.error)?.detail ?? 'The scenario presets could not be reached; no fault was added.'}
        </p>
      )}
    </section>
  );
}
