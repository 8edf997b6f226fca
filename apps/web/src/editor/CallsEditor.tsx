import { useId } from 'react';
import { CallSchema, defaultsOf } from '@faultline/schemas';
import { useAppDispatch, useAppSelector } from '../app/hooks.ts';
import type { CallChange, ComponentDraft } from './draft.ts';
import { editorActions } from './editor-slice.ts';
import { Field, numberOrText, shown } from './fields/Field.tsx';
import { issuesAt } from './fields/issues.ts';
import { componentName } from './names.ts';
import { selectDraft, selectIssues } from './selectors.ts';

const DEFAULTS = defaultsOf(CallSchema);

/**
 * The calls a component makes for each request, in order: calls sharing a parallel group run
 * together; each may be skipped by its probability and may be optional (its failure tolerated).
 */
export function CallsEditor({ component, index }: { component: ComponentDraft; index: number }) {
  const dispatch = useAppDispatch();
  const draft = useAppSelector(selectDraft)!;
  const issues = useAppSelector(selectIssues);
  const calls = component.calls ?? [];
  const change = (i: number, edit: CallChange) =>
    dispatch(editorActions.callChanged({ component: component.id, index: i, ...edit }));
  const move = (from: number, to: number) => dispatch(editorActions.callMoved({ component: component.id, from, to }));

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
          e.target.value && dispatch(editorActions.connected({ source: component.id, target: e.target.value }))
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
      {calls.map((call, i) => {
        const connection = draft.connections?.find((c) => c.id === call.connection);
        const target = connection ? componentName(draft, connection.target) : call.connection;
        const at = (field: string) => issuesAt(issues, `/components/${index}/calls/${i}/${field}`);
        return (
          <fieldset key={`${call.connection}-${i}`} data-testid={`call.${call.connection}`}>
            <legend>
              {i + 1}. to {target}
            </legend>
            <Field
              label="Probability"
              unit="0–1"
              value={shown(call.probability ?? DEFAULTS.probability)}
              issues={at('probability')}
              testId="call.probability"
              onCommit={(t) => change(i, { field: 'probability', value: numberOrText(t) })}
            />
            <Field
              label="Parallel group"
              type="text"
              unit="calls with the same group run together"
              value={call.parallelGroup ?? ''}
              issues={at('parallelGroup')}
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
                onClick={() => dispatch(editorActions.callRemoved({ component: component.id, index: i }))}
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
