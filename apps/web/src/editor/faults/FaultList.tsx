import { useAppDispatch, useAppSelector } from '../../app/hooks.ts';
import { editorActions } from '../editor-slice.ts';
import { targetName } from '../names.ts';
import { targetIdOf } from '../new-parts.ts';
import { selectDraft } from '../selectors.ts';

/** Every fault of the design, for an overview with nothing selected; a click selects its target. */
export function FaultList() {
  const dispatch = useAppDispatch();
  const draft = useAppSelector(selectDraft)!;
  const faults = draft.faults ?? [];
  if (!faults.length) return null;
  return (
    <section className="subpanel" aria-label="All faults" data-testid="faults.all">
      <h3>All faults</h3>
      <ul>
        {faults.map((f) => (
          <li key={f.id}>
            <label className="inline">
              <input
                type="checkbox"
                checked={f.enabled !== false}
                aria-label={`${f.name} enabled`}
                onChange={(e) => dispatch(editorActions.faultToggled({ id: f.id, enabled: e.target.checked }))}
              />
              <button
                type="button"
                className="link"
                onClick={() => dispatch(editorActions.selectionChanged([targetIdOf(f.target)]))}
              >
                {f.name} ({f.type} on {targetName(draft, f.target)})
              </button>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
