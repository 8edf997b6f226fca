import { useRef } from 'react';
import {
  ArrivalSchema,
  defaultsOf,
  discriminatorValues,
  SLO_ENVIRONMENTS,
  SloSchema,
  WorkloadSchema,
} from '@faultline/schemas';
import { useAppDispatch, useAppSelector } from '../app/hooks.ts';
import { ClassSloEditor } from './ClassSloEditor.tsx';
import type { SloDraft } from './draft.ts';
import { editorActions } from './editor-slice.ts';
import { Field, numberOrText, shown } from './fields/Field.tsx';
import { durationOrText } from './fields/durations.ts';
import { issuesAt } from './fields/issues.ts';
import { SelectField } from './fields/SelectField.tsx';
import { ProfileEditor } from './ProfileEditor.tsx';
import { selectDraft, selectIssues, selectWorkload } from './selectors.ts';
import { useFocusWhenLost } from './use-focus-when-lost.ts';

const WORKLOAD = defaultsOf(WorkloadSchema);
const SLO = defaultsOf(SloSchema);
const ARRIVAL_KINDS = discriminatorValues(ArrivalSchema, 'kind');
const ARRIVAL_LABELS = {
  poisson: 'open, Poisson',
  constant: 'open, evenly spaced',
  closed: 'closed loop (users who think)',
} as const;

/** The design-wide targets; per-class targets (`classes`, SPEC §3.7) are a map, not one field. */
type SloTargetField = Exclude<keyof SloDraft, 'classes'>;

/** Each SLO target's words and unit (SPEC §3.6), shown in the schema's order. */
const SLO_ORDER = SloSchema.keyof().options.filter((t): t is SloTargetField => t !== 'classes');
const SLO_TARGETS: { [T in SloTargetField]-?: { label: string; unit: string } } = {
  availability: { label: 'Availability', unit: '0–1' },
  errorRate: { label: 'Error rate', unit: '0–1' },
  p99LatencyMs: { label: 'p99 latency', unit: 'ms' },
  latencyDegradationMs: { label: 'Latency degradation', unit: 'ms, p99 in a fault window over the baseline' },
  mttrMs: { label: 'MTTR', unit: 'ms' },
  recoveryTimeMs: { label: 'Recovery time', unit: 'ms' },
};

/** With nothing selected: the design's name, its workload and its SLO targets. */
export function DesignSettings() {
  const dispatch = useAppDispatch();
  const draft = useAppSelector(selectDraft)!;
  const workload = useAppSelector(selectWorkload);
  const issues = useAppSelector(selectIssues);
  const clients = draft.components.filter((c) => c.kind === 'client');
  const { arrival } = workload;
  const slo = draft.slo ?? {};
  const at = (path: string) => issuesAt(issues, path);
  const title = useRef<HTMLHeadingElement>(null);
  useFocusWhenLost(title, 'design');

  return (
    <aside className="panel" aria-label="Design settings" data-testid="design-settings">
      <h2 ref={title} tabIndex={-1}>
        Design
      </h2>
      <Field
        label="Name"
        type="text"
        value={draft.name}
        issues={at('/name')}
        testId="design.name"
        onCommit={(name) => dispatch(editorActions.designRenamed(name))}
      />
      <fieldset>
        <legend>Workload</legend>
        <SelectField
          label="Entry"
          value={workload.entry}
          options={clients.map((c) => c.id)}
          labels={Object.fromEntries(clients.map((c) => [c.id, c.name]))}
          onChange={(entry) => dispatch(editorActions.workloadChanged({ field: 'entry', value: entry }))}
        />
        {at('/workload/entry').map((i) => (
          <p key={i.message} className="field-error" role="alert">
            {i.message}
          </p>
        ))}
        <SelectField
          label="Arrivals"
          value={arrival.kind}
          options={ARRIVAL_KINDS}
          labels={ARRIVAL_LABELS}
          testId="workload.arrival"
          onChange={(kind) => dispatch(editorActions.arrivalKindChanged(kind))}
        />
        {arrival.kind === 'closed' ? (
          <>
            <Field
              label="Users"
              value={shown(arrival.users)}
              issues={at('/workload/arrival/users')}
              testId="workload.users"
              onCommit={(t) => dispatch(editorActions.arrivalChanged({ field: 'users', value: numberOrText(t) }))}
            />
            <Field
              label="Think time (mean)"
              unit="ms, exponential"
              value={shown('mean' in arrival.thinkTime ? arrival.thinkTime.mean : undefined)}
              issues={at('/workload/arrival/thinkTime')}
              onCommit={(t) =>
                dispatch(editorActions.arrivalChanged({ field: 'meanThinkTimeMs', value: durationOrText(t) }))
              }
            />
          </>
        ) : (
          <>
            <Field
              label="Arrival rate"
              unit="requests per second"
              value={shown(arrival.ratePerSecond)}
              issues={at('/workload/arrival/ratePerSecond')}
              testId="workload.rate"
              onCommit={(t) =>
                dispatch(editorActions.arrivalChanged({ field: 'ratePerSecond', value: numberOrText(t) }))
              }
            />
            <ProfileEditor profile={workload.profile ?? []} issues={issues} />
          </>
        )}
        <Field
          label="Client timeout"
          unit="ms"
          value={shown(workload.clientTimeoutMs)}
          placeholder={shown(WORKLOAD.clientTimeoutMs)}
          issues={at('/workload/clientTimeoutMs')}
          testId="workload.clientTimeoutMs"
          onCommit={(t) =>
            dispatch(editorActions.workloadChanged({ field: 'clientTimeoutMs', value: durationOrText(t) }))
          }
        />
      </fieldset>
      <fieldset>
        <legend>SLO</legend>
        <div className="presets" role="group" aria-label="Environment presets">
          {SLO_ENVIRONMENTS.map((environment) => (
            <button
              key={environment}
              type="button"
              onClick={() => dispatch(editorActions.sloPresetApplied(environment))}
            >
              {environment}
            </button>
          ))}
        </div>
        {SLO_ORDER.map((target) => (
          <Field
            key={target}
            label={SLO_TARGETS[target].label}
            unit={`${SLO_TARGETS[target].unit}; empty switches it off`}
            issues={at(`/slo/${target}`)}
            testId={`slo.${target}`}
            // A target left out takes its default; null (an emptied field) switches it off.
            value={shown(target in slo ? slo[target] : SLO[target])}
            onCommit={(t) =>
              dispatch(
                editorActions.sloTargetChanged({
                  target,
                  value:
                    t.trim() === ''
                      ? null
                      : SLO_TARGETS[target].unit.startsWith('ms')
                        ? durationOrText(t)
                        : numberOrText(t),
                }),
              )
            }
          />
        ))}
        <ClassSloEditor />
      </fieldset>
    </aside>
  );
}
