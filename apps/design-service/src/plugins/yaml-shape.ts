/**
 * What a YAML import may look like before it is parsed. The yaml parser recurses per level and
 * slows down badly with depth (1 MB of `[` took a minute and `{` ran the heap out), so depth is
 * measured first by a linear scan that errs on the side of counting too much: brackets inside
 * quoted text are skipped only when the quote surely opens a quoted scalar, and a quoted scalar
 * never hides the next line. A design nests about eight levels; 64 is far beyond any.
 */
export const MAX_YAML_DEPTH = 64;
/** Indentation (spaces and the `- `, `? ` indicators that open a level on the same line). */
export const MAX_YAML_INDENT = 256;

/** What may stand before a quote that opens a quoted scalar: the line's start or an indicator. */
const OPENS_SCALAR = new Set(['', ':', '[', '{', ',']);

/** The rule the text breaks, as a sentence; undefined when it may be parsed. */
export function yamlShapeProblem(text: string): string | undefined {
  let flowDepth = 0;
  let quote: string | undefined;
  let lastNonSpace = '';
  let atLineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') {
      quote = undefined;
      lastNonSpace = '';
      atLineStart = true;
      indent = 0;
      continue;
    }
    if (quote) {
      if (c === '\\' && quote === '"' && text[i + 1] !== '\n' && text[i + 1] !== '\r') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    const previous = i === 0 ? '\n' : text[i - 1]!;
    const afterSpace = previous === ' ' || previous === '\t' || previous === '\n' || previous === '\r';
    if (atLineStart) {
      const opensLevel = (c === '-' || c === '?') && (text[i + 1] === ' ' || text[i + 1] === '\t');
      if (c === ' ' || c === '\t' || opensLevel) {
        if (++indent > MAX_YAML_INDENT) return `The YAML is indented deeper than ${MAX_YAML_INDENT} columns`;
        continue;
      }
      atLineStart = false;
    }
    if (c === '#' && afterSpace) {
      while (i + 1 < text.length && text[i + 1] !== '\n' && text[i + 1] !== '\r') i++;
      continue;
    }
    if ((c === '"' || c === "'") && ((afterSpace && OPENS_SCALAR.has(lastNonSpace)) || '[{,'.includes(previous))) {
      quote = c;
      continue;
    }
    if (c === '[' || c === '{') {
      if (++flowDepth > MAX_YAML_DEPTH) return `The YAML nests deeper than ${MAX_YAML_DEPTH} levels`;
    } else if ((c === ']' || c === '}') && flowDepth > 0) flowDepth--;
    if (c !== ' ' && c !== '\t') lastNonSpace = c;
  }
  return undefined;
}
