import { describe, expect, it } from 'vitest';
import { importProblemText } from './import-problem.ts';

const problem = (code: string, detail: string, errors?: { path: string; message: string }[]) => ({
  type: 'x',
  title: 'Bad Request',
  status: 400,
  code,
  detail,
  ...(errors ? { errors } : {}),
});

describe('why an import failed, in words', () => {
  it('says a file that does not parse is not a design file, without the parser’s token talk', () => {
    const text = importProblemText(
      problem('INVALID_BODY', `Unexpected token 'b', "{broken" is not valid JSON`),
      'a.json',
    );
    expect(text).toContain('“a.json” cannot be read as JSON');
    expect(text).not.toContain('Unexpected token');
    expect(importProblemText(problem('INVALID_BODY', 'x'), 'a.yaml')).toContain('cannot be read as YAML');
  });

  it('counts the problems of a design that parses but is not valid', () => {
    const text = importProblemText(
      problem('VALIDATION_FAILED', 'The body is invalid', [{ path: '/name', message: 'm' }]),
      'd.json',
    );
    expect(text).toBe('“d.json” is not a valid design: 1 problem to fix in the file. Nothing was imported.');
  });
});
