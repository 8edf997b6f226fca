import { useId, useState } from 'react';
import type { FieldIssue } from '@faultline/schemas';
import { DURATION_HINT, isDurationUnit } from './durations.ts';

interface FieldProps {
  label: string;
  unit?: string;
  /** What the input shows; `''` for "not set". */
  value: string;
  /** Called when the user leaves the field or presses Enter: the draft changes once per edit. */
  onCommit: (text: string) => void;
  issues?: FieldIssue[];
  testId?: string;
  type?: 'text' | 'number';
  placeholder?: string;
}

/** A labelled input that keeps its text until committed and shows the schema's verdict under it. */
export function Field({ label, unit, value, onCommit, issues = [], testId, type = 'number', placeholder }: FieldProps) {
  const id = useId();
  const [text, setText] = useState(value);
  // A new value from outside (undo, another field's edit) replaces the text, while rendering, as
  // React advises for state that follows a prop; typing changes only the text until committed.
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    setText(value);
  }
  const commit = () => {
    if (text === value) return;
    onCommit(text);
    // Text that reads as the value already held (`20s` for 20000) shows as that value; a new
    // value replaces the text on the next render anyway.
    setText(value);
  };
  return (
    <div className={`field${issues.length ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {unit && <span className="unit"> ({unit})</span>}
      </label>
      <input
        id={id}
        type={type === 'number' ? 'text' : type}
        inputMode={type === 'number' ? 'decimal' : undefined}
        value={text}
        placeholder={placeholder}
        title={isDurationUnit(unit) ? DURATION_HINT : undefined}
        data-testid={testId}
        aria-invalid={issues.length > 0}
        aria-describedby={issues.length ? `${id}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      {issues.length > 0 && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {issues.map((i) => i.message).join('; ')}
        </p>
      )}
    </div>
  );
}

/** The number typed, `undefined` when empty (the default applies), or the text itself so the schema names what is wrong. */
export function numberOrText(text: string): number | string | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

export const shown = (value: unknown) => (value === undefined || value === null ? '' : String(value));
