import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { validateDesign, type Design, type FieldIssue } from '@faultline/schemas';
import { CliError } from './cli-error.ts';

export type DesignFileCheck = { design: Design; issues?: undefined } | { design?: undefined; issues: FieldIssue[] };

/** A design file as exported by Faultline (JSON or YAML, told by its extension, else by its first character). */
export function readDesignFile(path: string): DesignFileCheck {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(
      `${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  let data: unknown;
  const yaml = ['.yaml', '.yml'].includes(extname(path).toLowerCase()) || !/^\s*[{[]/.test(text);
  try {
    data = yaml ? parseYaml(text, { maxAliasCount: 100 }) : JSON.parse(text);
  } catch (error) {
    throw new CliError(`${path}: is not valid ${yaml ? 'YAML' : 'JSON'}: ${(error as Error).message}`);
  }
  // A design as the design service stores it carries its id, version and timestamps; they are
  // bookkeeping, not part of what is simulated.
  if (data && typeof data === 'object' && 'version' in data && 'createdAt' in data) {
    const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...design } = data as Record<string, unknown>;
    data = design;
  }
  const validation = validateDesign(data);
  return validation.success ? { design: validation.design } : { issues: validation.issues };
}

/** The file's name without its extensions: the design's label in exports. */
export const designLabel = (path: string) => basename(path).replace(/(\.faultline)?\.(json|ya?ml)$/i, '');

export function formatIssues(path: string, issues: FieldIssue[]): string {
  return [
    `${path}: ${issues.length} problem${issues.length === 1 ? '' : 's'}`,
    ...issues.map((i) => `  ${i.path || '/'}: ${i.message}`),
  ].join('\n');
}
