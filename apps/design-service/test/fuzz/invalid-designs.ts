import { everythingExample, validateDesign } from '@faultline/schemas';

// Invalid designs made by mutating a valid one, from a seed: the same seed gives the same cases,
// so a failure can be replayed. Each case is checked invalid here before it is used.

/** mulberry32: small, fast and good enough to pick mutations. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Slot = { parent: Json[] | { [key: string]: Json }; key: string | number; value: Json };

function slots(value: Json, into: Slot[] = []): Slot[] {
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const slotKey = Array.isArray(value) ? Number(key) : key;
      into.push({ parent: value, key: slotKey, value: child });
      slots(child, into);
    }
  }
  return into;
}

const set = (slot: Slot, value: Json) => ((slot.parent as Record<string | number, Json>)[slot.key] = value);

export interface Mutation {
  kind: string;
  /** Invalid by construction, whatever the schema says: such a case is kept without asking it. */
  alwaysInvalid?: boolean;
  apply(design: Json, pick: <T>(items: readonly T[]) => T): boolean;
}

const withNull = (text: string, at: number) => text.slice(0, at) + '\u0000' + text.slice(at);

export const MUTATIONS: Mutation[] = [
  {
    kind: 'wrong type',
    apply(design, pick) {
      const slot = pick(slots(design));
      const v = slot.value;
      set(
        slot,
        typeof v === 'number'
          ? pick(['7', true, [], {}])
          : typeof v === 'string'
            ? pick([12, false, []])
            : typeof v === 'boolean'
              ? pick(['yes', 1])
              : Array.isArray(v)
                ? pick(['list', 3, {}])
                : pick([7, 'x', []]),
      );
      return true;
    },
  },
  {
    kind: 'out-of-range number',
    apply(design, pick) {
      const numbers = slots(design).filter((s) => typeof s.value === 'number');
      set(pick(numbers), pick([-1, -1e9, 1e308, -1e308, 3e9, 2147483648, 0.5, 1.5, 2 ** 53 + 2, -0.0001]));
      return true;
    },
  },
  {
    kind: 'unknown key',
    alwaysInvalid: true,
    apply(design, pick) {
      const objects = [{ value: design } as { value: Json }, ...slots(design)].filter(
        (s) => s.value && typeof s.value === 'object' && !Array.isArray(s.value),
      );
      (pick(objects).value as Record<string, Json>)[pick(['replica', 'extra', 'typo_', '__proto__x', 'Name'])] = 1;
      return true;
    },
  },
  {
    kind: 'broken reference',
    apply(design, pick) {
      const references = slots(design).filter(
        (s) =>
          typeof s.value === 'string' &&
          ['source', 'target', 'connection', 'component', 'entry'].includes(String(s.key)),
      );
      set(pick(references), pick(['ghost', 'nowhere-1', 'x']));
      return true;
    },
  },
  {
    kind: 'huge size',
    apply(design, pick) {
      const d = design as Record<string, Json>;
      const components = d.components as Json[];
      const choice = pick(['name', 'description', 'components', 'calls', 'faults', 'fault name'] as const);
      if (choice === 'name') d.name = 'n'.repeat(201);
      else if (choice === 'description') d.description = 'd'.repeat(10_001);
      else if (choice === 'components') d.components = Array.from({ length: 501 }, () => components[0]!);
      else if (choice === 'calls')
        (components[2] as Record<string, Json>).calls = Array.from({ length: 101 }, () => ({ connection: 'x' }));
      else if (choice === 'faults') d.faults = Array.from({ length: 501 }, () => (d.faults as Json[])[0]!);
      else ((d.faults as Json[])[0] as Record<string, Json>).name = 'f'.repeat(201);
      return true;
    },
  },
  {
    kind: 'null byte',
    alwaysInvalid: true,
    apply(design, pick) {
      const strings = slots(design).filter((s) => typeof s.value === 'string');
      const slot = pick(strings);
      set(slot, withNull(slot.value as string, Math.floor((slot.value as string).length / 2)));
      return true;
    },
  },
  {
    kind: 'missing field',
    apply(design, pick) {
      const keyed = slots(design).filter((s) => !Array.isArray(s.parent));
      const slot = pick(keyed);
      delete (slot.parent as Record<string, Json>)[slot.key as string];
      return true;
    },
  },
];

export interface InvalidCase {
  index: number;
  kinds: string[];
  design: Json;
}

/** `count` designs, each with one to three mutations, each invalid by construction or by validateDesign. */
export function invalidDesigns(seed: number, count: number): InvalidCase[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const cases: InvalidCase[] = [];
  while (cases.length < count) {
    const design = structuredClone(everythingExample) as Json;
    const applied = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
      const mutation = pick(MUTATIONS);
      mutation.apply(design, pick);
      return mutation;
    });
    const kinds = applied.map((m) => m.kind);
    // A null byte is kept even if the schema let it through: the service must refuse it anyway.
    if (applied.some((m) => m.alwaysInvalid) || !validateDesign(design).success) {
      cases.push({ index: cases.length, kinds, design });
    }
  }
  return cases;
}
