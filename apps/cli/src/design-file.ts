import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { validateDesign, type Design, type FieldIssue } from '@faultline/schemas';
import { CliError } from './cli-error.ts';
import { MAX_YAML_DEPTH, yamlDepth } from './yaml-depth.ts';

export type DesignFileCheck = { design: Design; issues?: undefined } | { design?: undefined; issues: FieldIssue[] };

/**
 * The largest design file read: a thousand times an export of the largest design the service
 * takes (its bodies stop at 1 MiB), and little enough memory to refuse at once.
 */
export const MAX_DESIGN_FILE_BYTES = 16 * 1024 * 1024;

const unreadable = (path: string, error: unknown) =>
  new CliError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);

/**
 * The text of a regular file of at most MAX_DESIGN_FILE_BYTES. A device (/dev/zero), a pipe or a
 * directory is refused before it is opened (opening a pipe waits for a writer); the size is
 * checked again while reading, since a file may grow or report none (/proc).
 */
function readDesignText(path: string): string {
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw new CliError(`${path}: is a directory, not a design file`);
    if (!stats.isFile()) throw new CliError(`${path}: is not a regular file`);
    size = stats.size;
  } catch (error) {
    throw error instanceof CliError ? error : unreadable(path, error);
  }
  const tooBig = () =>
    new CliError(`${path}: is larger than ${MAX_DESIGN_FILE_BYTES} bytes, the limit for a design file`);
  if (size > MAX_DESIGN_FILE_BYTES) throw tooBig();
  const chunks: Buffer[] = [];
  let total = 0;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw unreadable(path, error);
  }
  try {
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > MAX_DESIGN_FILE_BYTES) throw tooBig();
      chunks.push(chunk.subarray(0, read));
    }
  } catch (error) {
    throw error instanceof CliError ? error : unreadable(path, error);
  } finally {
    closeSync(fd);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A design file as exported by Faultline (JSON or YAML, told by its extension, else by its first character). */
export function readDesignFile(path: string): DesignFileCheck {
  const text = readDesignText(path);
  let data: unknown;
  const yaml = ['.yaml', '.yml'].includes(extname(path).toLowerCase()) || !/^\s*[{[]/.test(text);
  if (yaml && yamlDepth(text) > MAX_YAML_DEPTH)
    throw new CliError(`${path}: is not valid YAML: nested deeper than ${MAX_YAML_DEPTH} levels`);
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
