import { SLO_PRESETS, type FieldIssue } from '@faultline/schemas';
import { useAppDispatch, useAppSelector } from '../app/hooks.ts';
import { editorActions } from './editor-slice.ts';
import { Field, numberOrText, shown } from './fields/Field.tsx';
import { selectDraft, selectIssues } from './selectors.ts';

const at = (issues: FieldIssue[], path: string) => issues.filter((i) => i.path.startsWith(path));

/** With nothing selected: the design's name, its workload and its SLO targets. */
export function DesignSettings() {
  const dispatch = useAppDispatch();
  const draft = useAppSelector(selectDraft)!;
  const issues = useAppSelector(selectIssues);
  const workload = draft.workload;
  const arrival = workload?.arrival as { kind: string; ratePerSecond?: number } | undefined;
  const slo = (draft.slo ?? {}) as Record<string, number | null | undefined>;
  const setSlo = (target: string) => (text: string) =>
    dispatch(editorActions.designChanged({ slo: { ...slo, [target]: text.trim() === '' ? null : numberOrText(text) } as never }));

  return (
    <aside className="panel" aria-label="Design settings" data-testid="design-settings">
      <h2>Design</h2>
      <Field label="Name" type="text" value={draft.name} issues={at(issues, '/name')} testId="design.name"
        onCommit={(text) => dispatch(editorActions.designChanged({ name: text }))} />
      <fieldset>
        <legend>Workload</legend>
        <label>
          Entry
          <select
            value={workload?.entry ?? ''}
            onChange={(e) => dispatch(editorActions.designChanged({ workload: { ...(workload ?? { arrival: { kind: 'poisson', ratePerSecond: 100 } }), entry: e.target.value } }))}
          >
            {draft.components.filter((c) => c.kind === 'client').map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
        {workload && arrival && arrival.kind !== 'closed' && (
          <Field label="Arrival rate" unit="requests per second" value={shown(arrival.ratePerSecond)} issues={at(issues, '/workload/arrival')} testId="workload.rate"
            onCommit={(text) => dispatch(editorActions.designChanged({ workload: { ...workload, arrival: { ...arrival, ratePerSecond: numberOrText(text) } as never } }))} />
        )}
      </fieldset>
      <fieldset>
        <legend>SLO</legend>
        <div className="presets" role="group" aria-label="Environment presets">
          {Object.entries(SLO_PRESETS).map(([name, preset]) => (
            <button key={name} type="button" onClick={() => dispatch(editorActions.designChanged({ slo: { ...slo, ...preset } as never }))}>{name}</button>
          ))}
        </div>
        <Field label="Availability" unit="0–1, empty for off" value={shown(slo.availability ?? (slo.availability === null ? '' : 0.95))} issues={at(issues, '/slo/availability')} onCommit={setSlo('availability')} />
        <Field label="Error rate" unit="0–1, empty for off" value={shown(slo.errorRate ?? (slo.errorRate === null ? '' : 0.05))} issues={at(issues, '/slo/errorRate')} onCommit={setSlo('errorRate')} />
        <Field label="p99 latency" unit="ms, empty for off" value={shown(slo.p99LatencyMs)} issues={at(issues, '/slo/p99LatencyMs')} onCommit={setSlo('p99LatencyMs')} />
        <Field label="MTTR" unit="ms" value={shown(slo.mttrMs ?? (slo.mttrMs === null ? '' : 30000))} issues={at(issues, '/slo/mttrMs')} onCommit={setSlo('mttrMs')} />
      </fieldset>
    </aside>
  );
}
