import type { FieldIssue } from '@faultline/schemas';
import { useAppDispatch } from '../../app/hooks.ts';
import type { FaultDraft } from '../draft.ts';
import { editorActions } from '../editor-slice.ts';
import { Field } from '../fields/Field.tsx';
import { FAULT_FORMS } from './fault-forms.tsx';
import { FaultOperation } from './FaultOperation.tsx';
import { ScheduleEditor } from './ScheduleEditor.tsx';

/** One fault: its name, on/off, the form of its type, and its schedule. `issues` are relative to the fault. */
export function FaultEditor({ fault, issues }: { fault: FaultDraft; issues: FieldIssue[] }) {
  const dispatch = useAppDispatch();
  const { id } = fault;
  const Form = FAULT_FORMS[fault.type];
  return (
    <fieldset className={`fault${fault.enabled === false ? ' disabled' : ''}`} data-testid={`fault.${id}`}>
      <legend>{fault.type}</legend>
      <Field
        label="Name"
        type="text"
        value={fault.name}
        issues={issues.filter((i) => i.path === '/name')}
        onCommit={(name) => dispatch(editorActions.faultRenamed({ id, name }))}
      />
      <label className="inline">
        <input
          type="checkbox"
          checked={fault.enabled !== false}
          onChange={(e) => dispatch(editorActions.faultToggled({ id, enabled: e.target.checked }))}
          data-testid={`fault.${id}.enabled`}
        />{' '}
        enabled
      </label>
      <FaultOperation fault={fault} issues={issues} />
      <Form
        params={fault.params ?? {}}
        issues={issues}
        onChange={(params) => dispatch(editorActions.faultParamsChanged({ id, params }))}
      />
      <ScheduleEditor
        schedule={fault.schedule ?? {}}
        issues={issues}
        onChange={(change) => dispatch(editorActions.faultScheduleChanged({ id, ...change }))}
      />
      <button type="button" className="danger" onClick={() => dispatch(editorActions.faultRemoved(id))}>
        Remove fault
      </button>
    </fieldset>
  );
}
