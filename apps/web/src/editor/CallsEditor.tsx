import { useId } from 'react';
import { CallSchema, defaultsOf } from '@faultline/schemas';
import { useAppDispatch, useAppSelector } from '../app/hooks.ts';
import type { CallChange, ComponentDraft } from './draft.ts';
import { editorActions } from './editor-slice.ts';
import { Field, numberOrText, shown } from './fields/Field.tsx';
import { issuesAt } from './fields/issues.ts';
import { componentName } from './names.ts';
import { OperationChoice } from './OperationChoice.tsx';
import { operationsOf, targetOfCall } from './operations.ts';
import { selectDraft, selectIssues } from './selectors.ts';

const DEFAULTS = defaultsOf(CallSchema);

/**
 * The calls a component makes for each request, in order: calls sharing a parallel group run
 * together; each may be skipped by its probability and may be optional (its failure tolerated).
 * With `operation` (an index), the calls that operation makes (SPEC §3.7); else the component's own.
 */
export function CallsEditor({
  component,
  index,
  operation,
}: {
  component: ComponentDraft;
  index: number;
  operation?: number;
}) {
  const dispatch = useAppDispatch();
  const draft = useAppSelector(selectDraft)!;
  const issues = useAppSelector(selectIssues);
  const at = { component: component.id, operation };
  const calls = (operation === undefined ? component.calls : component.operations?.[operation]?.calls) ?? [];
  const listPath = `/components/${index}${operation === undefined ? '' : `/operations/${operation}`}/calls`;
  // A component with operations may have no calls of its own: the schema says so at the list.
  const listIssues = issues.filter((i) => i.path === listPath);
  const change = (i: number, edit: CallChange) => dispatch(editorActions.callChanged({ ...at, index: i, ...edit }));
  const move = (from: number, to: number) => dispatch(editorActions.callMoved({ ...at, from, to }));

  // Connecting without a pointer: the same event as dragging between handles.
  const others = draft.components.filter((c) => c.id !== component.id && c.kind !== 'client');
  const connectId = useId();
  const connectTo = (
    <div className="field">
      <label htmlFor={connectId}>Connect to</label>
      <select
        id={connectId}
        value=""
        data-testid="calls.connect"
        onChange={(e) =>
          e.target.value &&
          dispatch(editorActions.connected({ source: component.id, target: e.target.value, operation }))
        }
      >
        <option value="">Choose a component…</option>
        {others.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );

  if (!calls.length) {
    return (
      <section className="subpanel" aria-label="Calls" data-testid="calls">
        <p className="hint">
          No calls: drag from the component's right handle to another component, or choose one here.
        </p>
        {connectTo}
      </section>
    );
  }
  return (
    <section className="subpanel" aria-label="Calls" data-testid="calls">
      <h3>Calls, in order</h3>
      {listIssues.length > 0 && (
        <p className="field-error" role="alert">
          {listIssues.map((i) => i.message).join('; ')}
        </p>
      )}
      {calls.map((call, i) => {
        const connection = draft.connections?.find((c) => c.id === call.connection);
        const target = connection ? componentName(draft, connection.target) : call.connection;
        const issuesOf = (field: string) => issuesAt(issues, `${listPath}/${i}/${field}`);
        const targetOperations = operationsOf(targetOfCall(draft, call));
        return (
          <fieldset key={`${call.connection}-${i}`} data-testid={`call.${call.connection}`}>
            <legend>
              {i + 1}. to {target}
            </legend>
            {(targetOperations.length > 0 || call.operation !== undefined) && (
              <OperationChoice
                target={target}
                value={call.operation}
                operations={targetOperations}
                issues={issuesOf('operation')}
                onChange={(value) => change(i, { field: 'operation', value })}
              />
            )}
            <Field
              label="Probability"
              unit="0–1"
              value={shown(call.probability ?? DEFAULTS.probability)}
              issues={issuesOf('probability')}
              testId="call.probability"
              onCommit={(t) => change(i, { field: 'probability', value: numberOrText(t) })}
            />
            <Field
              label="Parallel group"
              type="text"
              unit="calls with the same group run together"
              value={call.parallelGroup ?? ''}
              issues={issuesOf('parallelGroup')}
              onCommit={(t) => change(i, { field: 'parallelGroup', value: t })}
            />
            <label className="inline">
              <input
                type="checkbox"
                checked={call.required ?? DEFAULTS.required}
                data-testid="call.required"
                onChange={(e) => change(i, { field: 'required', value: e.target.checked })}
              />
              Required (its failure fails the request)
            </label>
            {component.kind === 'cache' && (
              <label className="inline">
                <input
                  type="checkbox"
                  checked={call.onMiss === true}
                  onChange={(e) => change(i, { field: 'onMiss', value: e.target.checked })}
                />
                Only on a cache miss
              </label>
            )}
            <div className="row-actions">
              <button
                type="button"
                disabled={i === 0}
                onClick={() => move(i, i - 1)}
                aria-label={`Move the call to ${target} up`}
              >
                ↑
              </button>
              <button
                type="button"
                disabled={i === calls.length - 1}
                onClick={() => move(i, i + 1)}
                aria-label={`Move the call to ${target} down`}
              >
                ↓
              </button>
              <button
                type="button"
                className="danger"
                onClick={() => dispatch(editorActions.callRemoved({ ...at, index: i }))}
                aria-label={`Remove the call to ${target}`}
              >
                Remove
              </button>
            </div>
          </fieldset>
        );
      })}
      {connectTo}
    </section>
  );
}
