import { useState } from 'react';
import { ERROR_KINDS, FAULT_TARGETS, FAULT_TYPES, type FaultType } from '@faultline/schemas';
import { useListScenarioPresetsQuery } from '../api/faultline-api.ts';
import { useAppDispatch, useAppSelector } from '../app/hooks.ts';
import { editorActions, type FaultDraft } from './editor-slice.ts';
import { Field, numberOrText, shown } from './fields/Field.tsx';
import { selectDraft, selectIssues } from './selectors.ts';

/** The parameters a new fault of each type starts with. */
const DEFAULT_PARAMS: Record<FaultType, Record<string, unknown>> = {
  crash: { instances: 'all', mode: 'refuse' },
  latency: { addMs: { kind: 'constant', value: 200 } },
  error: { errorTypes: ['internal-error'] },
  'packet-loss': {},
  duplicate: {},
  reorder: { windowMs: 50 },
  corruption: { detectable: true },
  'resource-exhaustion': { resource: 'cpu', intensity: 0.6 },
  'dependency-down': {},
  bandwidth: { bytesPerSecond: 1_000_000 },
};

type Target = { component: string } | { connection: string };

/** Faults on the selected component or connection: add from a type or a preset, edit the schedule, switch off, remove. */
export function FaultsPanel({ target }: { target: Target }) {
  const dispatch = useAppDispatch();
  const draft = useAppSelector(selectDraft)!;
  const issues = useAppSelector(selectIssues);
  const presets = useListScenarioPresetsQuery().data?.items ?? [];
  const onComponent = 'component' in target;
  const targetId = onComponent ? target.component : target.connection;
  const types = FAULT_TYPES.filter((t) => (onComponent ? FAULT_TARGETS[t].component : FAULT_TARGETS[t].connection));
  const [type, setType] = useState<FaultType>(types[0]!);
  const faults = (draft.faults ?? []).map((f, index) => ({ f, index })).filter(({ f }) => ('component' in f.target ? f.target.component : f.target.connection) === targetId);

  const addPreset = async (presetId: string) => {
    const response = await fetch(`/api/scenario-presets/${presetId}/faults?${onComponent ? 'component' : 'connection'}=${encodeURIComponent(targetId)}`);
    if (!response.ok) return;
    for (const fault of (await response.json()).items as FaultDraft[]) {
      const { id: _id, ...rest } = fault;
      dispatch(editorActions.faultAdded(rest));
    }
  };

  return (
    <section className="subpanel" aria-label="Faults" data-testid="faults">
      <h3>Faults</h3>
      {faults.map(({ f, index }) => (
        <FaultForm key={f.id} fault={f} issues={issues.filter((i) => i.path.startsWith(`/faults/${index}/`))} />
      ))}
      <div className="add-row">
        <label>
          Type
          <select value={type} onChange={(e) => setType(e.target.value as FaultType)} data-testid="faults.type">
            {types.map((t) => <option key={t}>{t}</option>)}
          </select>
        </label>
        <button
          type="button"
          data-testid="faults.add"
          onClick={() =>
            dispatch(editorActions.faultAdded({ type, name: `${type} on ${targetId}`, target, params: DEFAULT_PARAMS[type], schedule: { startMs: 10_000, durationMs: 10_000 } } as Omit<FaultDraft, 'id'>))
          }
        >
          Add fault
        </button>
      </div>
      <label>
        Preset
        <select value="" onChange={(e) => e.target.value && void addPreset(e.target.value)} data-testid="faults.preset">
          <option value="">Choose a preset…</option>
          {presets.filter((p) => p.target === (onComponent ? 'component' : 'connection')).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
    </section>
  );
}

function FaultForm({ fault, issues }: { fault: FaultDraft; issues: { path: string; message: string }[] }) {
  const dispatch = useAppDispatch();
  const schedule = (fault.schedule ?? {}) as Record<string, unknown>;
  const params = (fault.params ?? {}) as Record<string, unknown>;
  const change = (next: Partial<FaultDraft>) => dispatch(editorActions.faultChanged({ ...fault, ...next } as FaultDraft));
  const setSchedule = (field: string) => (text: string) => change({ schedule: { ...schedule, [field]: field === 'durationMs' && text.trim() === '' ? null : numberOrText(text) } as never });
  const at = (part: string) => issues.filter((i) => i.path.includes(`/${part}`));

  return (
    <fieldset className={`fault${fault.enabled === false ? ' disabled' : ''}`} data-testid={`fault.${fault.id}`}>
      <legend>{fault.type}</legend>
      <label className="inline">
        <input type="checkbox" checked={fault.enabled !== false} onChange={(e) => change({ enabled: e.target.checked })} /> enabled
      </label>
      <Field label="Start" unit="ms" value={shown(schedule.startMs ?? 0)} issues={at('startMs')} onCommit={setSchedule('startMs')} />
      <Field label="Duration" unit="ms, empty until the end" value={shown(schedule.durationMs)} issues={at('durationMs')} onCommit={setSchedule('durationMs')} />
      <Field label="Probability" unit="0–1" value={shown(schedule.probability ?? 1)} issues={at('probability')} testId={`fault.${fault.id}.probability`} onCommit={setSchedule('probability')} />
      {fault.type === 'crash' && (
        <label>
          Mode
          <select value={String(params.mode ?? 'refuse')} onChange={(e) => change({ params: { ...params, mode: e.target.value } as never })}>
            <option value="refuse">refuse (connections refused)</option>
            <option value="hang">hang (requests vanish)</option>
          </select>
        </label>
      )}
      {fault.type === 'latency' && (
        <Field label="Added latency" unit="ms" value={shown((params.addMs as { value?: number } | undefined)?.value)} issues={at('addMs')}
          onCommit={(text) => change({ params: { ...params, addMs: { kind: 'constant', value: numberOrText(text) } } as never })} />
      )}
      {fault.type === 'error' && (
        <label>
          Error kind
          <select value={String((params.errorTypes as string[] | undefined)?.[0] ?? 'internal-error')} onChange={(e) => change({ params: { ...params, errorTypes: [e.target.value] } as never })}>
            {ERROR_KINDS.map((k) => <option key={k}>{k}</option>)}
          </select>
        </label>
      )}
      {fault.type === 'resource-exhaustion' && (
        <Field label="Intensity" unit="0–1" value={shown(params.intensity)} issues={at('intensity')} onCommit={(text) => change({ params: { ...params, intensity: numberOrText(text) } as never })} />
      )}
      <button type="button" className="danger" onClick={() => dispatch(editorActions.faultRemoved(fault.id))}>Remove fault</button>
    </fieldset>
  );
}
