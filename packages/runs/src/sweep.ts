import { DesignSchema, type Design, type FieldIssue, type RunSettings } from '@faultline/schemas';

type Sweep = Extract<RunSettings['scenario'], { kind: 'sweep' }>;

/** The value of each step, evenly spaced from `from` to `to` inclusive. */
export function sweepValues({ from, to, steps }: Sweep): number[] {
  return Array.from({ length: steps }, (_, i) => (i === steps - 1 ? to : from + ((to - from) * i) / (steps - 1)));
}

const segments = (pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));

/**
 * The object or list the key names a member of, when it is one of the design's own fields: an
 * object's own property, or a list's index. Never an inherited one (`__proto__`, `constructor`)
 * nor a list's `length`, which a pointer must not reach, let alone set.
 */
function childOf(node: unknown, key: string): { value: unknown } | null {
  if (node === null || typeof node !== 'object') return null;
  if (Array.isArray(node)) {
    return /^(0|[1-9]\d*)$/.test(key) && Number(key) < node.length ? { value: node[Number(key)] } : null;
  }
  return Object.hasOwn(node, key) ? { value: (node as Record<string, unknown>)[key] } : null;
}

/** The number the pointer names in the design, or a reason it names none. */
function numberAt(design: Design, pointer: string): number | string {
  let node: unknown = design;
  for (const key of segments(pointer)) {
    const child = childOf(node, key);
    if (!child) return `${pointer} is not in the design`;
    node = child.value;
  }
  return typeof node === 'number' ? node : `${pointer} is not a number in the design`;
}

/** A copy of the design with the value at the pointer replaced, parsed again so the engine gets a valid design. */
export function withParameter(design: Design, pointer: string, value: number): Design {
  return DesignSchema.parse(setUnchecked(design, pointer, value));
}

/**
 * What is wrong with a sweep over this design, before anything runs: the parameter must name a
 * number, and the design must stay valid at both ends of the range and at every step between
 * (an integer rule breaks between valid ends).
 */
export function checkSweep(design: Design, sweep: Sweep, path = '/settings/scenario'): FieldIssue[] {
  const current = numberAt(design, sweep.parameter);
  if (typeof current === 'string') return [{ path: `${path}/parameter`, message: current }];
  /** Why the design is invalid with the parameter at `value`; null when it is valid. */
  const invalidAt = (value: number): string | null => {
    const parsed = DesignSchema.safeParse(setUnchecked(design, sweep.parameter, value));
    return parsed.success ? null : parsed.error.issues.map((i) => i.message).join('; ');
  };
  const issues = (['from', 'to'] as const).flatMap((end) => {
    const why = invalidAt(sweep[end]);
    return why === null
      ? []
      : [{ path: `${path}/${end}`, message: `${sweep.parameter} = ${sweep[end]} makes the design invalid: ${why}` }];
  });
  if (issues.length) return issues;
  // The steps between the ends may still be invalid, e.g. 1.5 replicas from 1 to 2 in 3 steps.
  const values = sweepValues(sweep);
  for (let step = 1; step < values.length - 1; step++) {
    const why = invalidAt(values[step]!);
    if (why !== null) {
      const message = `step ${step + 1} sets ${sweep.parameter} = ${values[step]}, which makes the design invalid: ${why}`;
      return [{ path: `${path}/steps`, message }];
    }
  }
  return [];
}

/** A copy with the number at the pointer replaced; the pointer must name a number (checkSweep). */
function setUnchecked(design: Design, pointer: string, value: number): unknown {
  const found = numberAt(design, pointer);
  if (typeof found === 'string') throw new RangeError(found);
  const copy = structuredClone(design) as unknown as Record<string, unknown>;
  const keys = segments(pointer);
  let node = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys.at(-1)!] = value;
  return copy;
}
