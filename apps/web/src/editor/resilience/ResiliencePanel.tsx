import { useState } from 'react';
import {
  discriminatorValues,
  InboundPolicySchema,
  OutgoingPolicySchema,
  type OutgoingPolicyType,
} from '@faultline/schemas';
import { useAppDispatch, useAppSelector } from '../../app/hooks.ts';
import type { GuardType } from '../draft.ts';
import { editorActions } from '../editor-slice.ts';
import { relativeTo } from '../fields/issues.ts';
import { SelectField } from '../fields/SelectField.tsx';
import { componentName } from '../names.ts';
import { selectComponentEntry, selectDraft, selectIssues } from '../selectors.ts';
import { INBOUND_FORMS, OUTGOING_FORMS } from './policy-forms.tsx';
import { PolicyEditor } from './PolicyEditor.tsx';

const PATTERNS = discriminatorValues(OutgoingPolicySchema, 'type');
const GUARDS = discriminatorValues(InboundPolicySchema, 'type');

/** The selected component's outgoing policies (each on one connection or on every call) and its inbound guards. */
export function ResiliencePanel({ componentId }: { componentId: string }) {
  const dispatch = useAppDispatch();
  const entry = useAppSelector((state) => selectComponentEntry(state, componentId));
  const draft = useAppSelector(selectDraft)!;
  const connections = draft.connections;
  const issues = useAppSelector(selectIssues);
  const [pattern, setPattern] = useState<OutgoingPolicyType>('retry');
  const [connection, setConnection] = useState('');
  const [guard, setGuard] = useState<GuardType>('rate-limiter');
  if (!entry) return null;
  const { component, index } = entry;
  const outgoing = (connections ?? []).filter((c) => c.source === componentId);
  const issuesOf = (list: string, i: number) => relativeTo(issues, `/components/${index}/${list}/${i}`);

  return (
    <section className="subpanel" aria-label="Resilience" data-testid="resilience">
      <h3>Resilience</h3>
      {(component.resilience ?? []).map((policy, i) => (
        <PolicyEditor
          key={`resilience-${i}`}
          component={componentId}
          list="resilience"
          index={i}
          policy={policy}
          Form={OUTGOING_FORMS[policy.type]}
          issues={issuesOf('resilience', i)}
        />
      ))}
      {outgoing.length > 0 && (
        <div className="add-row">
          <SelectField
            label="Pattern"
            value={pattern}
            options={PATTERNS}
            onChange={setPattern}
            testId="resilience.type"
          />
          <SelectField
            label="On"
            value={connection}
            options={['', ...outgoing.map((c) => c.id)]}
            labels={{
              '': 'every call',
              ...Object.fromEntries(outgoing.map((c) => [c.id, `calls to ${componentName(draft, c.target)}`])),
            }}
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
                  type: pattern,
                  ...(connection ? { connection } : {}),
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
          {(component.inbound ?? []).map((policy, i) => (
            <PolicyEditor
              key={`inbound-${i}`}
              component={componentId}
              list="inbound"
              index={i}
              policy={policy}
              Form={INBOUND_FORMS[policy.type]}
              issues={issuesOf('inbound', i)}
            />
          ))}
          <div className="add-row">
            <SelectField
              label="Inbound guard"
              value={guard}
              options={GUARDS}
              onChange={setGuard}
              testId="resilience.inbound"
            />
            <button
              type="button"
              data-testid="resilience.addInbound"
              onClick={() => dispatch(editorActions.guardAdded({ component: componentId, type: guard }))}
            >
              Add guard
            </button>
          </div>
        </>
      )}
    </section>
  );
}
