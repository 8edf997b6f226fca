import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { everythingExample } from '@faultline/schemas';
import { MAX_YAML_DEPTH, MAX_YAML_INDENT, yamlShapeProblem } from '../../src/plugins/yaml-shape.ts';

const deep = (n: number) => '['.repeat(n);

describe('the shape of a YAML import, checked before parsing', () => {
  it('lets designs through, in block or flow style, brackets in quoted text included', () => {
    expect(yamlShapeProblem(stringify(everythingExample))).toBeUndefined();
    expect(yamlShapeProblem(JSON.stringify(everythingExample))).toBeUndefined();
    expect(
      yamlShapeProblem(`name: '${deep(100)}'\ndescription: "${deep(100)} \\" ${deep(100)}" # ${deep(100)}`),
    ).toBeUndefined();
    expect(yamlShapeProblem(`${deep(MAX_YAML_DEPTH)}${']'.repeat(MAX_YAML_DEPTH)}`)).toBeUndefined();
  });

  it('refuses flow nesting past the limit, in any mix of [ and {', () => {
    expect(yamlShapeProblem(deep(1_000_000))).toBe(`The YAML nests deeper than ${MAX_YAML_DEPTH} levels`);
    expect(yamlShapeProblem('{a: '.repeat(MAX_YAML_DEPTH + 1))).toMatch(/nests deeper/);
    expect(yamlShapeProblem(`a:\n  b: [\n${'  [\n'.repeat(MAX_YAML_DEPTH)}`)).toMatch(/nests deeper/);
  });

  it('refuses block nesting past the limit: indentation and compact "- - -"', () => {
    const indented = Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    expect(yamlShapeProblem(indented)).toBe(`The YAML is indented deeper than ${MAX_YAML_INDENT} columns`);
    expect(yamlShapeProblem('- '.repeat(20_000))).toMatch(/indented deeper/);
    expect(yamlShapeProblem('? '.repeat(20_000))).toMatch(/indented deeper/);
  });

  it('is not fooled by quotes that do not open a quoted scalar', () => {
    // Each quote here sits inside a plain scalar, so the brackets after it are structure.
    expect(yamlShapeProblem(`[a - 'b, ${deep(100)}`)).toMatch(/nests deeper/);
    expect(yamlShapeProblem(`[it's, ${deep(100)}`)).toMatch(/nests deeper/);
    expect(yamlShapeProblem(`[a:'b, ${deep(100)}`)).toMatch(/nests deeper/);
    // A quote left open never hides the next line.
    expect(yamlShapeProblem(`a: 'open\nb: ${deep(100)}`)).toMatch(/nests deeper/);
    expect(yamlShapeProblem(`a: "open \\\nb: ${deep(100)}`)).toMatch(/nests deeper/);
  });

  it('scans a megabyte in well under a second', () => {
    const started = performance.now();
    yamlShapeProblem(`description: "${'x'.repeat(1_000_000)}"`);
    yamlShapeProblem('a: 1\n'.repeat(200_000));
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
