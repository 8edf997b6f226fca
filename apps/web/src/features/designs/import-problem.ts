import type { Problem } from '@faultline/schemas';

/** What a person reads when a file cannot be imported: what is wrong, in words, then the fields at fault. */
export function importProblemText(problem: Problem | null, fileName: string | undefined): string {
  const file = fileName ? `“${fileName}”` : 'The file';
  if (!problem) return 'The design service did not answer; nothing was imported. Try again in a moment.';
  switch (problem.code) {
    case 'INVALID_BODY':
      // The parser's own words (a token, a position) mean little to a person: say what the file is not.
      return `${file} cannot be read as ${/\.ya?ml$/i.test(fileName ?? '') ? 'YAML' : 'JSON'}: it is not a design exported from Faultline, or it was cut short or edited by hand. Nothing was imported.`;
    case 'VALIDATION_FAILED': {
      const count = problem.errors?.length ?? 0;
      return `${file} is not a valid design: ${count} problem${count === 1 ? '' : 's'} to fix in the file. Nothing was imported.`;
    }
    case 'PAYLOAD_TOO_LARGE':
      return `${file} is too large to import (at most 1 MiB). Nothing was imported.`;
    default:
      return `${file} was not imported: ${problem.detail ?? problem.title}`;
  }
}
