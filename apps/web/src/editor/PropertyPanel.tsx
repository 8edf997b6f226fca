import { useAppDispatch, useAppSelector } from '../app/hooks.ts';
import { editorActions } from './editor-slice.ts';
import { Field, numberOrText, shown } from './fields/Field.tsx';
import { issuesAt } from './fields/issues.ts';
import { CallsEditor } from './CallsEditor.tsx';
import { DesignSettings } from './DesignSettings.tsx';
import { DistributionEditor } from './fields/DistributionEditor.tsx';
import { selectDraft, selectIssues, selectSelection } from './selectors.ts';

/** Every field of the selected component or connection, with units and the schema's verdict. */
export function PropertyPanel() {
  const dispatch = useAppDispatch();
  const draft = useAppSelector(selectDraft)!;
  const selection = useAppSelector(selectSelection);
  const issues = useAppSelector(selectIssues);

  if (selection.length !== 1) return <DesignSettings />;
  const index = draft.components.findIndex((c) => c.id === selection[0]);
  if (index < 0) return <ConnectionProperties id={selection[0]!} />;
  const component = draft.components[index]! as Record<string, unknown> & (typeof draft.components)[number];
  const at = (field: string) => issuesAt(issues, `/components/${index}/${field}`);
  const change = (field: string) => (text: string) =>
    dispatch(editorActions.componentChanged({ id: component.id, field, value: numberOrText(text) }));
  const serviceTime = (component.serviceTime ?? { kind: 'exponential', mean: 10 }) as { kind: string };

  return (
    <aside className="panel" aria-label="Properties" data-testid="properties">
      <h2>{component.kind}</h2>
      <Field
        label="Name"
        type="text"
        value={component.name}
        issues={at('name')}
        testId="properties.name"
        onCommit={(text) => dispatch(editorActions.componentChanged({ id: component.id, field: 'name', value: text }))}
      />
      {component.kind !== 'client' && (
        <>
          <Field
            label="Replicas"
            value={shown(component.replicas)}
            placeholder="1"
            issues={at('replicas')}
            testId="properties.replicas"
            onCommit={change('replicas')}
          />
          <Field
            label="Concurrency"
            unit="workers per replica"
            value={shown(component.concurrency)}
            placeholder="10"
            issues={at('concurrency')}
            testId="properties.concurrency"
            onCommit={change('concurrency')}
          />
          <Field
            label="Queue capacity"
            unit="requests per replica, empty for unbounded"
            value={shown(component.queueCapacity)}
            issues={at('queueCapacity')}
            onCommit={(text) =>
              dispatch(
                editorActions.componentChanged({
                  id: component.id,
                  field: 'queueCapacity',
                  value: text.trim() === '' ? null : numberOrText(text),
                }),
              )
            }
          />
          <DistributionEditor
            legend="Service time"
            value={serviceTime}
            path={`/components/${index}/serviceTime`}
            issues={issues}
            onChange={(value) =>
              dispatch(editorActions.componentChanged({ id: component.id, field: 'serviceTime', value }))
            }
          />
        </>
      )}
      {component.kind === 'cache' && (
        <Field
          label="Hit ratio"
          unit="0–1"
          value={shown(component.hitRatio)}
          placeholder="0.9"
          issues={at('hitRatio')}
          onCommit={change('hitRatio')}
        />
      )}
      {component.kind === 'queue' && (
        <>
          <Field
            label="Consumers"
            value={shown(component.consumers)}
            placeholder="1"
            issues={at('consumers')}
            onCommit={change('consumers')}
          />
          <Field
            label="Maximum depth"
            unit="messages, empty for unbounded"
            value={shown(component.maxDepth)}
            issues={at('maxDepth')}
            onCommit={(text) =>
              dispatch(
                editorActions.componentChanged({
                  id: component.id,
                  field: 'maxDepth',
                  value: text.trim() === '' ? null : numberOrText(text),
                }),
              )
            }
          />
        </>
      )}
      {component.kind === 'gateway' && (
        <label>
          Balancing
          <select
            value={String(component.balancing ?? 'round-robin')}
            onChange={(e) =>
              dispatch(editorActions.componentChanged({ id: component.id, field: 'balancing', value: e.target.value }))
            }
          >
            <option>round-robin</option>
            <option>random</option>
            <option>least-outstanding</option>
          </select>
        </label>
      )}
      <CallsEditor componentId={component.id} />
    </aside>
  );
}

function ConnectionProperties({ id }: { id: string }) {
  const dispatch = useAppDispatch();
  const draft = useAppSelector(selectDraft)!;
  const issues = useAppSelector(selectIssues);
  const index = (draft.connections ?? []).findIndex((c) => c.id === id);
  const connection = draft.connections?.[index];
  if (!connection) return <DesignSettings />;
  const latency = (connection.latency ?? { kind: 'constant', value: 1 }) as { kind: string };
  return (
    <aside className="panel" aria-label="Properties" data-testid="properties">
      <h2>
        Connection {connection.source} → {connection.target}
      </h2>
      <label>
        Mode
        <select
          value={connection.mode ?? 'sync'}
          onChange={(e) => dispatch(editorActions.connectionChanged({ id, field: 'mode', value: e.target.value }))}
        >
          <option value="sync">sync (the caller waits)</option>
          <option value="async">async (fire and forget)</option>
        </select>
      </label>
      <Field
        label="Payload"
        unit="bytes per message, for bandwidth faults"
        value={shown(connection.payloadBytes)}
        issues={issuesAt(issues, `/connections/${index}/payloadBytes`)}
        onCommit={(text) =>
          dispatch(editorActions.connectionChanged({ id, field: 'payloadBytes', value: numberOrText(text) }))
        }
      />
      <DistributionEditor
        legend="Latency, half each way"
        value={latency}
        path={`/connections/${index}/latency`}
        issues={issues}
        onChange={(value) => dispatch(editorActions.connectionChanged({ id, field: 'latency', value }))}
      />
    </aside>
  );
}
