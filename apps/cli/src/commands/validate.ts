import { EXIT } from '../cli-error.ts';
import { formatIssues, readDesignFile } from '../design-file.ts';

/** `faultline validate <design>`: 0 when valid; 2 with every field error otherwise. */
export function validate(path: string, out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  const check = readDesignFile(path);
  if (check.issues) {
    err.write(`${formatIssues(path, check.issues)}\n`);
    return EXIT.invalidInput;
  }
  const { design } = check;
  out.write(
    `${path}: valid (${design.components.length} components, ${design.connections.length} connections, ${design.faults.length} faults)\n`,
  );
  return EXIT.ok;
}
