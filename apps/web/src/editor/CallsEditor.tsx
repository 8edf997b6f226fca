import type { FieldIssue } from '@faultline/schemas';
import { useAppDispatch, useAppSelector } from '../app/hooks.ts';
import { editorActions } from './editor-slice.ts';
import { Field, numberOrText, shown } from './fields/Field.tsx';
import { issuesAt } from './fields/issues.ts';
import { selectDraft, selectIssues } from './selectors.ts';

/**
 * The calls a component makes for each request, in order: calls sharing a parallel group run
 * together; each may be skipped by its probability and may be optional (its failure tolerated).
 */
export function CallsEditor({ componentId }: { componentId: string }) {
  const dispatch = useAppDispatch();
  const draft = useAppSelector(selectDraft)!;
  const issues: FieldIssue[] = useAppSelector(selectIssues);
  const index = draft.components.findIndex((c) => c.id === componentId);
  const component = draft.components[index]!;
  const calls = component.calls ?? [];
  const update = (next: typeof calls) => dispatch(editorActions.callsChanged({ component: componentId, calls: next }));
  const change = (i: number, patch: Partial<(typeof calls)[number]>) =>
    update(calls.map((c, k) => (k === i ? { ...c, ...patch } : c)));
  const move = (i: number, by: number) => {
    const next = [...calls];
    const [call] = next.splice(i, 1);
    next.splice(i + by, 0, call!);
    update(next);
  };

  // Connecting without a pointer: the same action as dragging between handles.
  const others = draft.components.filter((c) => c.id !== componentId && c.kind !== 'client');
  const connectTo = (
    <label>
      Connect to
      <select
        value=""
        data-testid="calls.connect"
        onChange={(e) =>
          e.target.value && dispatch(editorActions.connected({ source: componentId, target: e.target.value }))
        }
      >
        <option value="">Choose a component…</option>
        {others.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
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
        const target = draft.connections?.find((c) => c.id === call.connection)?.target ?? '?';
        const at = (field: string) => issuesAt(issues, `/components/${index}/calls/${i}/${field}`);
        return (
          <fieldset key={`${call.connection}-${i}`} data-testid={`call.${call.connection}`}>
            <legend>
              {i + 1}. to {target} <small>({call.connection})</small>
            </legend>
            <Field
              label="Probability"
              unit="0–1"
              value={shown(call.probability ?? 1)}
              issues={at('probability')}
              onCommit={(t) => change(i, { probability: numberOrText(t) as number })}
            />
            <Field
              label="Parallel group"
              type="text"
              unit="calls with the same group run together"
              value={call.parallelGroup ?? ''}
              issues={at('parallelGroup')}
              onCommit={(t) => change(i, { parallelGroup: t.trim() === '' ? undefined : t.trim() })}
            />
            <label className="inline">
              <input
                type="checkbox"
                checked={call.required !== false}
                onChange={(e) => change(i, { required: e.target.checked })}
              />
              Required (its failure fails the request)
            </label>
            {component.kind === 'cache' && (
              <label className="inline">
                <input
                  type="checkbox"
                  checked={call.onMiss === true}
                  onChange={(e) => change(i, { onMiss: e.target.checked || undefined })}
                />
                Only on a cache miss
              </label>
            )}
            <div className="row-actions">
              <button
                type="button"
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label={`Move the call to ${target} up`}
              >
                ↑
              </button>
              <button
                type="button"
                disabled={i === calls.length - 1}
                onClick={() => move(i, 1)}
                aria-label={`Move the call to ${target} down`}
              >
                ↓
              </button>
            </div>
          </fieldset>
        );
      })}
      {connectTo}
    </section>
  );
}
