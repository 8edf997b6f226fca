import type { Problem } from './problems.ts';

/**
 * Puts the focus where a problem is fixed, once its part's panel is shown: the field whose error
 * names it, else the part's own alert (a loop), else the first field marked invalid, else the
 * panel's title. The DOM is the only place that knows which input shows which message.
 */
export function focusProblem(problem: Problem, scope: ParentNode = document): void {
  const side = scope.querySelector('.side') ?? scope;
  const errors = [...side.querySelectorAll<HTMLElement>('.field-error')];
  const error = errors.find((e) => e.textContent?.includes(problem.message));
  const input = error?.id ? side.querySelector<HTMLElement>(`[aria-describedby~="${CSS.escape(error.id)}"]`) : null;
  const target =
    input ??
    (error?.tabIndex === -1 ? error : null) ??
    side.querySelector<HTMLElement>('[aria-invalid="true"]') ??
    side.querySelector<HTMLElement>('.panel h2');
  target?.focus();
}

/** Runs once the panels have rendered the new selection. */
export const afterRender = (run: () => void) => requestAnimationFrame(() => requestAnimationFrame(run));
