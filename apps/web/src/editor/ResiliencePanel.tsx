import { useState } from 'react';
import type { FieldIssue } from '@faultline/schemas';
import { useAppDispatch, useAppSelector } from '../app/hooks.ts';
import { editorActions, type PolicyDraft } from './editor-slice.ts';
import { Field, numberOrText, shown } from './fields/Field.tsx';
import { selectDraft, selectIssues } from './selectors.ts';

/** A new policy of each type, with Resilience4j's defaults filled in by the schema on save. */
const NEW_POLICY: Record<string, Record<string, unknown>> = {
  timeout: { timeoutMs: 1000 },
  retry: { maxAttempts: 3 },
  'circuit-breaker': { minimumCalls: 20, failureRateThreshold: 50, waitInOpenMs: 5000 },
  bulkhead: {},
  fallback: {},
};

/** The most telling parameters of each policy, editable in place. */
const PARAMS: Record<string, [string, string][]> = {
  timeout: [['timeoutMs', 'ms']],
  retry: [['maxAttempts', 'attempts']],
  'circuit-breaker': [['failureRateThreshold', '%'], ['minimumCalls', 'calls'], ['waitInOpenMs', 'ms']],
  bulkhead: [['maxConcurrentCalls', 'calls'], ['maxWaitMs', 'ms']],
  fallback: [['latencyMs', 'ms']],
};

/** The selected component's outgoing policies, each on one of its connections or on all of them. */
export function ResiliencePanel({ componentId }: { componentId: string }) {
  const dispatch = useAppDispatch();
  const draft = useAppSelector(selectDraft)!;
  const issues = useAppSelector(selectIssues);
  const index = draft.components.findIndex((c) => c.id === componentId);
  const component = draft.components[index]!;
  const outgoing = (draft.connections ?? []).filter((c) => c.source === componentId);
  const [type, setType] = useState('retry');
  const [connection, setConnection] = useState('');

  return (
    <section className="subpanel" aria-label="Resilience" data-testid="resilience">
      <h3>Resilience</h3>
      {(component.resilience ?? []).map((policy, i) => {
        const params = (policy.params ?? {}) as Record<string, unknown>;
        const at = (field: string): FieldIssue[] => issues.filter((x) => x.path.startsWith(`/components/${index}/resilience/${i}/params/${field}`));
        return (
          <fieldset key={i} data-testid={`policy.${policy.type}`}>
            <legend>{policy.type}{'connection' in policy && policy.connection ? ` on ${policy.connection}` : ' on every call'}</legend>
            {(PARAMS[policy.type] ?? []).map(([field, unit]) => (
              <Field key={field} label={field} unit={unit} value={shown(params[field])} issues={at(field)}
                onCommit={(text) => dispatch(editorActions.policyChanged({ component: componentId, index: i, policy: { ...policy, params: { ...params, [field]: numberOrText(text) } } as PolicyDraft }))} />
            ))}
            <button type="button" className="danger" onClick={() => dispatch(editorActions.policyRemoved({ component: componentId, index: i }))}>Remove</button>
          </fieldset>
        );
      })}
      <div className="add-row">
        <label>
          Pattern
          <select value={type} onChange={(e) => setType(e.target.value)} data-testid="resilience.type">
            {Object.keys(NEW_POLICY).map((t) => <option key={t}>{t}</option>)}
          </select>
        </label>
        <label>
          On
          <select value={connection} onChange={(e) => setConnection(e.target.value)} data-testid="resilience.connection">
            <option value="">every call</option>
            {outgoing.map((c) => <option key={c.id} value={c.id}>{c.id}</option>)}
          </select>
        </label>
        <button
          type="button"
          data-testid="resilience.add"
          onClick={() =>
            dispatch(editorActions.policyAdded({ component: componentId, policy: { type, ...(connection ? { connection } : {}), params: NEW_POLICY[type] } as PolicyDraft }))
          }
        >
          Add policy
        </button>
      </div>
    </section>
  );
}
