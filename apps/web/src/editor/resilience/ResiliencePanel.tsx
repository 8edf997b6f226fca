import { useState } from 'react';
import type { FieldIssue } from '@faultline/schemas';
import { useAppDispatch, useAppSelector } from '../../app/hooks.ts';
import { editorActions, type PolicyDraft } from '../editor-slice.ts';
import { relativeTo } from '../fields/issues.ts';
import { SelectField } from '../fields/SelectField.tsx';
import { selectDraft, selectIssues } from '../selectors.ts';
import { INBOUND_FORMS, NEW_POLICY_PARAMS, OUTGOING_FORMS, type PolicyFormProps } from './policy-forms.tsx';

type List = 'resilience' | 'inbound';

/** The selected component's outgoing policies (each on one connection or on every call) and its inbound guards. */
export function ResiliencePanel({ componentId }: { componentId: string }) {
  const dispatch = useAppDispatch();
  const draft = useAppSelector(selectDraft)!;
  const issues = useAppSelector(selectIssues);
  const index = draft.components.findIndex((c) => c.id === componentId);
  const component = draft.components[index]! as (typeof draft.components)[number] & {
    inbound?: { type: string; params?: unknown }[];
  };
  const outgoing = (draft.connections ?? []).filter((c) => c.source === componentId);
  const [type, setType] = useState('retry');
  const [connection, setConnection] = useState('');
  const [guard, setGuard] = useState('rate-limiter');

  const editor = (list: List, forms: Record<string, React.ComponentType<PolicyFormProps>>) =>
    ((component[list] ?? []) as { type: string; connection?: string; params?: unknown }[]).map((policy, i) => {
      const Form = forms[policy.type];
      if (!Form) return null;
      const own: FieldIssue[] = relativeTo(issues, `/components/${index}/${list}/${i}`);
      return (
        <fieldset key={`${list}-${i}`} data-testid={`policy.${policy.type}`}>
          <legend>
            {policy.type}
            {list === 'inbound' ? ' (inbound)' : policy.connection ? ` on ${policy.connection}` : ' on every call'}
          </legend>
          <Form
            params={(policy.params ?? {}) as Record<string, unknown>}
            issues={own}
            onChange={(params) =>
              dispatch(
                editorActions.policyChanged({
                  component: componentId,
                  index: i,
                  list,
                  policy: { ...policy, params } as PolicyDraft,
                }),
              )
            }
          />
          {own
            .filter((x) => !x.path.startsWith('/params'))
            .map((x) => (
              <p key={x.path} className="field-error" role="alert">
                {x.message}
              </p>
            ))}
          <button
            type="button"
            className="danger"
            onClick={() => dispatch(editorActions.policyRemoved({ component: componentId, index: i, list }))}
          >
            Remove
          </button>
        </fieldset>
      );
    });

  return (
    <section className="subpanel" aria-label="Resilience" data-testid="resilience">
      <h3>Resilience</h3>
      {editor('resilience', OUTGOING_FORMS)}
      {outgoing.length > 0 && (
        <div className="add-row">
          <SelectField
            label="Pattern"
            value={type}
            options={Object.keys(OUTGOING_FORMS)}
            onChange={setType}
            testId="resilience.type"
          />
          <SelectField
            label="On"
            value={connection}
            options={['', ...outgoing.map((c) => c.id)]}
            labels={{ '': 'every call' }}
            onChange={setConnection}
            testId="resilience.connection"
          />
          <button
            type="button"
            data-testid="resilience.add"
            onClick={() =>
              dispatch(
                editorActions.policyAdded({
                  component: componentId,
                  policy: {
                    type,
                    ...(connection ? { connection } : {}),
                    params: NEW_POLICY_PARAMS[type],
                  } as PolicyDraft,
                }),
              )
            }
          >
            Add policy
          </button>
        </div>
      )}
      {component.kind !== 'client' && (
        <>
          {editor('inbound', INBOUND_FORMS)}
          <div className="add-row">
            <SelectField
              label="Inbound guard"
              value={guard}
              options={Object.keys(INBOUND_FORMS)}
              onChange={setGuard}
              testId="resilience.inbound"
            />
            <button
              type="button"
              data-testid="resilience.addInbound"
              onClick={() =>
                dispatch(
                  editorActions.policyAdded({
                    component: componentId,
                    list: 'inbound',
                    policy: { type: guard, params: NEW_POLICY_PARAMS[guard] } as PolicyDraft,
                  }),
                )
              }
            >
              Add guard
            </button>
          </div>
        </>
      )}
    </section>
  );
}
