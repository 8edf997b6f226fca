/**
 * Deepest nesting a design file's YAML may have. An export of the largest design nests about ten
 * levels; the YAML parser recurses per level, overflows its stack near a thousand and can run
 * out of memory past that (a megabyte of `[` aborted the process), so depth is checked before it
 * parses, by a linear scan.
 */
export const MAX_YAML_DEPTH = 128;

/**
 * How deep the text nests, counted from what opens a level without parsing anything: flow
 * brackets (`[`, `{`) outside quotes and comments, and on each line its block indicators (`- `,
 * `? `) plus its indentation in steps of one space, which is the most a block level can take.
 */
export function yamlDepth(text: string): number {
  let flow = 0;
  let deepest = 0;
  let quote: '"' | "'" | null = null;
  let lineStart = true;
  let indent = 0;
  let indicators = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      [lineStart, indent, indicators] = [true, 0, 0];
      continue;
    }
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (lineStart) {
      if (c === ' ') {
        indent++;
        continue;
      }
      if ((c === '-' || c === '?') && (text[i + 1] === ' ' || text[i + 1] === '\n')) {
        indicators++;
        deepest = Math.max(deepest, flow + indent + indicators);
        continue;
      }
      lineStart = false;
      deepest = Math.max(deepest, flow + indent + indicators);
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '[' || c === '{') {
      deepest = Math.max(deepest, ++flow + indent + indicators);
    } else if ((c === ']' || c === '}') && flow > 0) {
      flow--;
    }
  }
  return deepest;
}
