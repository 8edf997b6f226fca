import { CLASS_SLO_TARGETS, type ClassSloTarget } from '@faultline/schemas';
import { useAppDispatch, useAppSelector } from '../app/hooks.ts';
import { editorActions } from './editor-slice.ts';
import { durationOrText } from './fields/durations.ts';
import { Field, numberOrText, shown } from './fields/Field.tsx';
import { issuesAt } from './fields/issues.ts';
import { operationsOf } from './operations.ts';
import { selectDraft, selectIssues, selectWorkload } from './selectors.ts';

const TARGETS: Record<ClassSloTarget, { label: string; unit: string }> = {
  availability: { label: 'Availability', unit: '0–1' },
  errorRate: { label: 'Error rate', unit: '0–1' },
  p99LatencyMs: { label: 'p99 latency', unit: 'ms' },
};

/**
 * Targets per request class of the entry client (SPEC §3.7), judged on that class's requests
 * alone. A class inherits nothing from the design-wide targets: an empty field is not judged.
 * Targets for a class the client does not have are listed with their problem, to remove.
 */
export function ClassSloEditor() {
  const dispatch = useAppDispatch();
  const draft = useAppSelector(selectDraft)!;
  const workload = useAppSelector(selectWorkload);
  const issues = useAppSelector(selectIssues);
  const entry = draft.components.find((c) => c.id === workload.entry);
  const classes = entry?.kind === 'client' ? operationsOf(entry) : [];
  const targets = draft.slo?.classes ?? {};
  const unknown = Object.keys(targets).filter((id) => !classes.some((c) => c.id === id));
  if (!classes.length && !unknown.length) return null;

  return (
    <>
      {classes.map((c) => (
        <fieldset key={c.id} data-testid={`slo.class.${c.id}`}>
          <legend>SLO of {c.name} requests</legend>
          {CLASS_SLO_TARGETS.map((target) => (
            <Field
              key={target}
              label={TARGETS[target].label}
              unit={`${TARGETS[target].unit}; empty is not judged`}
              value={shown(targets[c.id]?.[target])}
              issues={issuesAt(issues, `/slo/classes/${c.id}/${target}`)}
              testId={`slo.class.${target}`}
              onCommit={(t) =>
                dispatch(
                  editorActions.classSloTargetChanged({
                    classId: c.id,
                    target,
                    value: TARGETS[target].unit === 'ms' ? durationOrText(t) : numberOrText(t),
                  }),
                )
              }
            />
          ))}
        </fieldset>
      ))}
      {unknown.map((id) => (
        <div key={id} className="field has-error" data-testid={`slo.class.${id}`}>
          <p className="field-error" role="alert">
            {issuesAt(issues, `/slo/classes/${id}`)
              .map((i) => i.message)
              .join('; ') || `no request class "${id}"`}
          </p>
          <button type="button" className="danger" onClick={() => dispatch(editorActions.classSloRemoved(id))}>
            Remove the targets of “{id}”
          </button>
        </div>
      ))}
    </>
  );
}
