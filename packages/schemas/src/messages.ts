import { z } from 'zod';

type Issue = z.core.$ZodRawIssue;

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
};

const oneOf = (values: readonly unknown[]) =>
  values.length === 1
    ? `must be ${JSON.stringify(values[0])}`
    : `must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;

const count = (n: number | bigint, one: string) => `${n} ${one}${Number(n) === 1 ? '' : 's'}`;

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>): string {
  const { minimum, inclusive, origin } = issue;
  if (origin === 'string')
    return Number(minimum) <= 1 ? 'must not be empty' : `needs at least ${count(minimum, 'character')}`;
  if (origin === 'array' || origin === 'set')
    return `needs at least ${count(minimum, 'entry').replace('entrys', 'entries')}`;
  return inclusive ? `must be at least ${minimum}` : `must be more than ${minimum}`;
}

function tooBig(issue: Extract<Issue, { code: 'too_big' }>): string {
  const { maximum, inclusive, origin } = issue;
  if (origin === 'string') return `must be at most ${count(maximum, 'character')}`;
  if (origin === 'array' || origin === 'set')
    return `may have at most ${count(maximum, 'entry').replace('entrys', 'entries')}`;
  return inclusive ? `must be at most ${maximum}` : `must be less than ${maximum}`;
}

/**
 * Plain words for each kind of zod issue, keyed by its code: what a person reads under a field
 * and in a problem's errors, instead of the library's wording ("Too small: expected number to be
 * >=1"). A message a schema states itself always wins over these.
 */
const PLAIN: { [C in Issue['code']]: (issue: Extract<Issue, { code: C }>) => string } = {
  invalid_type: (issue) =>
    issue.input === undefined ? 'is required' : `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`,
  too_small: tooSmall,
  too_big: tooBig,
  invalid_format: (issue) =>
    issue.format === 'regex' ? 'is not in the expected form' : `must be a valid ${issue.format}`,
  not_multiple_of: (issue) => `must be a multiple of ${issue.divisor}`,
  unrecognized_keys: () => 'is not a known field',
  // A discriminated union's issue sits at its discriminator (`kind`, `type`) and lists the choices.
  invalid_union: (issue) =>
    'options' in issue && Array.isArray(issue.options) && issue.options.length
      ? oneOf(issue.options)
      : 'does not match any of the allowed forms',
  invalid_key: () => 'has a key that is not allowed',
  invalid_element: () => 'has an entry that is not allowed',
  invalid_value: (issue) => oneOf(issue.values),
  custom: () => 'is not valid',
};

/** The plain message for an issue (zod's error-map signature). */
export function plainMessage(issue: Issue): string {
  const words = PLAIN[issue.code] as (issue: Issue) => string;
  return words(issue);
}

// Every schema in the process speaks plainly: services, the command line and the editor alike.
z.config({ customError: plainMessage });
