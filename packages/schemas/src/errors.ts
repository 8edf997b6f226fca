import { z } from 'zod';
// Plain words for every issue (a global zod setting), wherever issues become field issues.
import './messages.ts';

/** How a failed request is classified, everywhere (SPEC §3.3). */
export const ERROR_KINDS = [
  'timeout',
  'connection-refused',
  'invalid-data',
  'internal-error',
  'rate-limited',
  'unauthorized',
  'overloaded',
  'circuit-open',
  'bulkhead-full',
] as const;
export const ErrorKindSchema = z.enum(ERROR_KINDS);
export type ErrorKind = z.infer<typeof ErrorKindSchema>;

/** One failing field: `path` is a JSON pointer into the submitted document. */
export const FieldIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

/** RFC 9457 problem details, as every service answers an error. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  /** A scoped upper-case name, e.g. DESIGN_NOT_FOUND. */
  code: z.string(),
  errors: z.array(FieldIssueSchema).optional(),
  /** How many more field issues there were than `errors` lists (it lists the first 100). */
  errorsNotListed: z.int().min(1).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** `['components', 2, 'replicas']` → `/components/2/replicas` (RFC 6901). */
export function toJsonPointer(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => '/' + String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}

/** Zod issues as field issues with JSON-pointer paths, under an optional prefix. */
export function toFieldIssues(error: z.ZodError, prefix = ''): FieldIssue[] {
  return error.issues.flatMap((issue) =>
    // An unknown key (often a typo) is reported at the key itself, so the path names it.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: prefix + toJsonPointer([...issue.path, key]),
          message: 'is not a known field',
        }))
      : [{ path: prefix + toJsonPointer(issue.path), message: issue.message }],
  );
}
