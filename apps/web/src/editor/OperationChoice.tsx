import { useId } from 'react';
import type { FieldIssue } from '@faultline/schemas';
import type { OperationDraft } from './draft.ts';

/**
 * Which of its target's operations a call asks for (SPEC §3.7). Left unset, the call asks for the
 * target's first, and the choice shows that one. An id the target no longer has stays listed, so
 * the problem under it can be read and fixed.
 */
export function OperationChoice({
  target,
  value,
  operations,
  issues,
  onChange,
}: {
  /** The target's name, for the label. */
  target: string;
  value: string | undefined;
  operations: OperationDraft[];
  issues: FieldIssue[];
  onChange: (operation: string) => void;
}) {
  const id = useId();
  const chosen = value ?? operations[0]?.id ?? '';
  const unknown = value !== undefined && !operations.some((o) => o.id === value);
  return (
    <div className={`field${issues.length ? ' has-error' : ''}`}>
      <label htmlFor={id}>Operation of {target}</label>
      <select
        id={id}
        value={chosen}
        data-testid="call.operation"
        aria-invalid={issues.length > 0}
        aria-describedby={issues.length ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {operations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
        {unknown && (
          <option value={value}>
            {value} (not an operation of {target})
          </option>
        )}
      </select>
      {issues.length > 0 && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {issues.map((i) => i.message).join('; ')}
        </p>
      )}
    </div>
  );
}
