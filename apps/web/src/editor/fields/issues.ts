import type { FieldIssue } from '@faultline/schemas';

/** The issues at or under `path`. */
export const issuesAt = (issues: FieldIssue[], path: string) =>
  issues.filter((i) => i.path === path || i.path.startsWith(`${path}/`));

/** The issues under `prefix`, with paths made relative to it (a form sees its own fields). */
export const relativeTo = (issues: FieldIssue[], prefix: string): FieldIssue[] =>
  issues.filter((i) => i.path.startsWith(`${prefix}/`)).map((i) => ({ ...i, path: i.path.slice(prefix.length) }));
