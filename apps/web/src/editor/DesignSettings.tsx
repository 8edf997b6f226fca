import { SLO_PRESETS, type DesignInput, type FieldIssue } from '@faultline/schemas';
import { useAppDispatch, useAppSelector } from '../app/hooks.ts';
import { editorActions } from './editor-slice.ts';
import { Field, numberOrText, shown } from './fields/Field.tsx';
import { issuesAt } from './fields/issues.ts';
import { SelectField } from './fields/SelectField.tsx';
import { ProfileEditor } from './ProfileEditor.tsx';
import { selectDraft, selectIssues } from './selectors.ts';

type Workload = NonNullable<DesignInput['workload']>;
type Arrival =
  | { kind: 'poisson' | 'constant'; ratePerSecond: unknown }
  | { kind: 'closed'; users: unknown; thinkTime: { kind: 'exponential'; mean: unknown } };

/** Each SLO target, its unit and the default that applies when it is not set (SPEC §3.6). */
const SLO_TARGETS: [key: string, label: string, unit: string, fallback: number | null][] = [
  ['availability', 'Availability', '0–1', 0.95],
  ['errorRate', 'Error rate', '0–1', 0.05],
  ['p99LatencyMs', 'p99 latency', 'ms', null],
  ['latencyDegradationMs', 'Latency degradation', 'ms, p99 in a fault window over the baseline', 500],
  ['mttrMs', 'MTTR', 'ms', 30_000],
  ['recoveryTimeMs', 'Recovery time', 'ms', 10_000],
];

/** With nothing selected: the design's name, its workload and its SLO targets. */
export function DesignSettings() {
  const dispatch = useAppDispatch();
  const draft = useAppSelector(selectDraft)!;
  const issues: FieldIssue[] = useAppSelector(selectIssues);
  const clients = draft.components.filter((c) => c.kind === 'client');
  const workload = (draft.workload ?? {
    entry: clients[0]?.id ?? '',
    arrival: { kind: 'poisson', ratePerSecond: 100 },
  }) as Workload;
  const arrival = workload.arrival as Arrival;
  const setWorkload = (patch: Partial<Workload>) =>
    dispatch(editorActions.designChanged({ workload: { ...workload, ...patch } as Workload }));
  const setArrival = (next: Arrival) => setWorkload({ arrival: next as Workload['arrival'] });
  const slo = (draft.slo ?? {}) as Record<string, unknown>;
  const at = (path: string) => issuesAt(issues, path);

  return (
    <aside className="panel" aria-label="Design settings" data-testid="design-settings">
      <h2>Design</h2>
      <Field
        label="Name"
        type="text"
        value={draft.name}
        issues={at('/name')}
        testId="design.name"
        onCommit={(name) => dispatch(editorActions.designChanged({ name }))}
      />
      <fieldset>
        <legend>Workload</legend>
        <SelectField
          label="Entry"
          value={workload.entry}
          options={clients.map((c) => c.id)}
          labels={Object.fromEntries(clients.map((c) => [c.id, c.name]))}
          onChange={(entry) => setWorkload({ entry })}
        />
        {at('/workload/entry').map((i) => (
          <p key={i.message} className="field-error" role="alert">
            {i.message}
          </p>
        ))}
        <SelectField
          label="Arrivals"
          value={arrival.kind}
          options={['poisson', 'constant', 'closed'] as const}
          labels={{
            poisson: 'open, Poisson',
            constant: 'open, evenly spaced',
            closed: 'closed loop (users who think)',
          }}
          onChange={(kind) =>
            setArrival(
              kind === 'closed'
                ? { kind, users: 50, thinkTime: { kind: 'exponential', mean: 1000 } }
                : { kind, ratePerSecond: 'ratePerSecond' in arrival ? arrival.ratePerSecond : 100 },
            )
          }
        />
        {arrival.kind === 'closed' ? (
          <>
            <Field
              label="Users"
              value={shown(arrival.users)}
              issues={at('/workload/arrival/users')}
              onCommit={(t) => setArrival({ ...arrival, users: numberOrText(t) })}
            />
            <Field
              label="Think time (mean)"
              unit="ms, exponential"
              value={shown(arrival.thinkTime.mean)}
              issues={at('/workload/arrival/thinkTime')}
              onCommit={(t) => setArrival({ ...arrival, thinkTime: { kind: 'exponential', mean: numberOrText(t) } })}
            />
          </>
        ) : (
          <Field
            label="Arrival rate"
            unit="requests per second"
            value={shown(arrival.ratePerSecond)}
            issues={at('/workload/arrival/ratePerSecond')}
            testId="workload.rate"
            onCommit={(t) => setArrival({ ...arrival, ratePerSecond: numberOrText(t) })}
          />
        )}
        {arrival.kind !== 'closed' && (
          <ProfileEditor
            profile={(workload.profile ?? []) as never}
            issues={issues}
            onChange={(profile) => setWorkload({ profile: profile as Workload['profile'] })}
          />
        )}
        <Field
          label="Client timeout"
          unit="ms"
          value={shown(workload.clientTimeoutMs)}
          placeholder="30000"
          issues={at('/workload/clientTimeoutMs')}
          onCommit={(t) => setWorkload({ clientTimeoutMs: numberOrText(t) as number })}
        />
      </fieldset>
      <fieldset>
        <legend>SLO</legend>
        <div className="presets" role="group" aria-label="Environment presets">
          {Object.entries(SLO_PRESETS).map(([name, preset]) => (
            <button
              key={name}
              type="button"
              onClick={() => dispatch(editorActions.designChanged({ slo: { ...slo, ...preset } as never }))}
            >
              {name}
            </button>
          ))}
        </div>
        {SLO_TARGETS.map(([key, label, unit, fallback]) => (
          <Field
            key={key}
            label={label}
            unit={`${unit}; empty switches it off`}
            issues={at(`/slo/${key}`)}
            testId={`slo.${key}`}
            value={shown(key in slo ? slo[key] : fallback)}
            onCommit={(t) =>
              dispatch(
                editorActions.designChanged({
                  slo: { ...slo, [key]: t.trim() === '' ? null : numberOrText(t) } as never,
                }),
              )
            }
          />
        ))}
      </fieldset>
    </aside>
  );
}
