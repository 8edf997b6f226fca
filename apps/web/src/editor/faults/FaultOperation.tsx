import { useId } from 'react';
import { actsOnWholeComponent, type FieldIssue } from '@faultline/schemas';
import { useAppDispatch, useAppSelector } from '../../app/hooks.ts';
import type { FaultDraft } from '../draft.ts';
import { editorActions } from '../editor-slice.ts';
import { operationsOf } from '../operations.ts';
import { selectDraft } from '../selectors.ts';

const EVERY = '';

/**
 * A component fault acts on every request the component serves, or on one of its operations only
 * (SPEC §3.7): a failing checkout while browsing works. Shown only where there is a choice: not
 * for a fault that acts on the whole component (a crash, memory or connections exhaustion),
 * unless it names an operation all the same, so that the choice that clears it is at hand.
 * `issues` are relative to the fault.
 */
export function FaultOperation({ fault, issues }: { fault: FaultDraft; issues: FieldIssue[] }) {
  const dispatch = useAppDispatch();
  const draft = useAppSelector(selectDraft)!;
  const id = useId();
  const target = fault.target;
  if (!('component' in target)) return null;
  const operations = operationsOf(draft.components.find((c) => c.id === target.component));
  const chosen = target.operation;
  if ((!operations.length || actsOnWholeComponent(fault)) && chosen === undefined) return null;
  const unknown = chosen !== undefined && !operations.some((o) => o.id === chosen);
  const problems = issues.filter((i) => i.path.startsWith('/target'));
  return (
    <div className={`field${problems.length ? ' has-error' : ''}`}>
      <label htmlFor={id}>Acts on</label>
      <select
        id={id}
        value={chosen ?? EVERY}
        data-testid={`fault.${fault.id}.operation`}
        aria-invalid={problems.length > 0}
        aria-describedby={problems.length ? `${id}-error` : undefined}
        onChange={(e) =>
          dispatch(editorActions.faultOperationChosen({ id: fault.id, operation: e.target.value || undefined }))
        }
      >
        <option value={EVERY}>every operation</option>
        {operations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name} only
          </option>
        ))}
        {unknown && <option value={chosen}>{chosen} (no such operation)</option>}
      </select>
      {problems.length > 0 && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {problems.map((i) => i.message).join('; ')}
        </p>
      )}
    </div>
  );
}
