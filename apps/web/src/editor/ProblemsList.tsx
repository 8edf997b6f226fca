import { useState } from 'react';
import { useAppDispatch, useAppSelector } from '../app/hooks.ts';
import { editorActions } from './editor-slice.ts';
import { afterRender, focusProblem } from './focus-problem.ts';
import type { Problem } from './problems.ts';
import { selectProblems } from './selectors.ts';

const plural = (n: number) => `${n} problem${n === 1 ? '' : 's'}`;

/**
 * The toolbar's count of problems, opening the list of them in words; choosing one selects its
 * component or connection (or the design's settings) and puts the focus on the field to fix.
 */
export function ProblemsList() {
  const dispatch = useAppDispatch();
  const problems = useAppSelector(selectProblems);
  const [open, setOpen] = useState(false);
  if (!problems.length) return null;

  const choose = (problem: Problem) => {
    dispatch(editorActions.selectionChanged(problem.select));
    setOpen(false);
    afterRender(() => focusProblem(problem));
  };

  return (
    <div className="problems">
      <button
        type="button"
        className="problems-count"
        aria-expanded={open}
        aria-controls="problems-list"
        data-testid="editor.problems"
        onClick={() => setOpen((on) => !on)}
      >
        {plural(problems.length)}
      </button>
      {open && (
        <section id="problems-list" className="problems-list" aria-label="Problems to fix before saving">
          <ul>
            {problems.map((p) => (
              <li key={p.path}>
                <button type="button" className="link" data-testid="problem" onClick={() => choose(p)}>
                  <strong>
                    {p.where}
                    {p.field && ` · ${p.field}`}
                  </strong>
                  : {p.message}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
