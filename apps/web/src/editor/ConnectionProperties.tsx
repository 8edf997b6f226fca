import { useRef } from 'react';
import { ConnectionSchema, defaultsOf, optionsOf } from '@faultline/schemas';
import { useAppDispatch, useAppSelector } from '../app/hooks.ts';
import { editorActions } from './editor-slice.ts';
import { DistributionEditor } from './fields/DistributionEditor.tsx';
import { Field, numberOrText, shown } from './fields/Field.tsx';
import { issuesAt } from './fields/issues.ts';
import { SelectField } from './fields/SelectField.tsx';
import { connectionName } from './names.ts';
import { loopMessage } from './problems.ts';
import { selectCallLoop, selectDraft, selectIssues, type ConnectionEntry } from './selectors.ts';
import { useFocusWhenLost } from './use-focus-when-lost.ts';

const DEFAULTS = defaultsOf(ConnectionSchema);
const MODES = optionsOf(ConnectionSchema.shape.mode);
const MODE_LABELS = { sync: 'sync (the caller waits)', async: 'async (fire and forget)' } as const;

/** A connection's mode, payload and latency. */
export function ConnectionProperties({ entry: { connection, index } }: { entry: ConnectionEntry }) {
  const dispatch = useAppDispatch();
  const issues = useAppSelector(selectIssues);
  const draft = useAppSelector(selectDraft)!;
  const loop = useAppSelector(selectCallLoop);
  const { id } = connection;
  const title = useRef<HTMLHeadingElement>(null);
  useFocusWhenLost(title, id);
  return (
    <aside className="panel" aria-label="Properties" data-testid="properties">
      <h2 ref={title} tabIndex={-1} className="part-name">
        {connectionName(draft, connection)}
      </h2>
      {loop?.connections.includes(id) && (
        <p className="field-error" role="alert" tabIndex={-1} data-testid="connection.loop">
          {loopMessage(loop)}. Make one of these calls async, or remove one.
        </p>
      )}
      <SelectField
        label="Mode"
        value={connection.mode ?? DEFAULTS.mode}
        options={MODES}
        labels={MODE_LABELS}
        testId="connection.mode"
        onChange={(mode) => dispatch(editorActions.connectionChanged({ id, field: 'mode', value: mode }))}
      />
      <Field
        label="Payload"
        unit="bytes per message, for bandwidth faults"
        value={shown(connection.payloadBytes)}
        issues={issuesAt(issues, `/connections/${index}/payloadBytes`)}
        testId="connection.payloadBytes"
        onCommit={(text) =>
          dispatch(editorActions.connectionChanged({ id, field: 'payloadBytes', value: numberOrText(text) }))
        }
      />
      <DistributionEditor
        legend="Latency, half each way"
        value={connection.latency ?? DEFAULTS.latency}
        path={`/connections/${index}/latency`}
        issues={issues}
        onChange={(latency) => dispatch(editorActions.connectionChanged({ id, field: 'latency', value: latency }))}
      />
    </aside>
  );
}
