import type { ComponentType } from 'react';
import type { FieldIssue } from '@faultline/schemas';
import { useAppDispatch, useAppSelector } from '../../app/hooks.ts';
import type { ParamsDraft, PolicyList } from '../draft.ts';
import { editorActions } from '../editor-slice.ts';
import { componentName } from '../names.ts';
import { selectDraft } from '../selectors.ts';
import type { PolicyFormProps } from './policy-forms.tsx';

/** One policy or guard of a component: its form, its problems outside the form, and removal. */
export function PolicyEditor({
  component,
  list,
  index,
  policy,
  Form,
  issues,
}: {
  component: string;
  list: PolicyList;
  index: number;
  policy: { type: string; connection?: string; params?: ParamsDraft };
  Form: ComponentType<PolicyFormProps>;
  /** Issues relative to the policy. */
  issues: FieldIssue[];
}) {
  const dispatch = useAppDispatch();
  const draft = useAppSelector(selectDraft)!;
  const at = { component, list, index };
  const over = policy.connection ? draft.connections?.find((c) => c.id === policy.connection) : undefined;
  return (
    <fieldset data-testid={`policy.${policy.type}`}>
      <legend>
        {policy.type}
        {list === 'inbound'
          ? ' (inbound)'
          : policy.connection
            ? ` on calls to ${over ? componentName(draft, over.target) : policy.connection}`
            : ' on every call'}
      </legend>
      <Form
        params={policy.params ?? {}}
        issues={issues}
        onChange={(params) => dispatch(editorActions.policyParamsChanged({ ...at, params }))}
      />
      {issues
        .filter((x) => !x.path.startsWith('/params'))
        .map((x) => (
          <p key={x.path} className="field-error" role="alert">
            {x.message}
          </p>
        ))}
      <button type="button" className="danger" onClick={() => dispatch(editorActions.policyRemoved(at))}>
        Remove
      </button>
    </fieldset>
  );
}
