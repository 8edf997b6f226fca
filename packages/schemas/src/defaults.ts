import { z } from 'zod';

// Forms show what a field becomes when it is left empty, and offer the values a field accepts.
// Both are read from the schemas here, so a default or an option is written once, in the schema.

/** A schema as it sits in an object's shape: possibly wrapped in a default, a prefault or `optional`. */
type Wrapped<T extends z.ZodType> = T | z.ZodDefault<T> | z.ZodPrefault<T> | z.ZodOptional<T> | z.ZodNullable<T>;

/** The keys of an object whose value parsing fills in when it is left out. */
type DefaultedKey<S extends z.ZodObject> = {
  [K in keyof z.input<S> & keyof z.output<S>]-?: undefined extends z.input<S>[K]
    ? undefined extends z.output<S>[K]
      ? never
      : K
    : never;
}[keyof z.input<S> & keyof z.output<S>];

/** What parsing puts in each field of `S` that is left out, and nothing for the other fields. */
export type Defaults<S extends z.ZodObject> = Pick<z.output<S>, DefaultedKey<S>>;

function unwrapped(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodDefault ||
    schema instanceof z.ZodPrefault ||
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable
    ? unwrapped(schema.unwrap() as z.ZodType)
    : schema;
}

/**
 * The parsed default of every field of an object schema that has one: `.default(x)` gives `x`,
 * `.prefault({})` the inner object with its own defaults, `.nullable().default(null)` null. Fields
 * that are required or merely optional have no default and are left out. The schema may be wrapped
 * (a fault's `params` with `.prefault({})`).
 */
export function defaultsOf<S extends z.ZodObject>(schema: Wrapped<S>): Defaults<S> {
  const object = unwrapped(schema);
  if (!(object instanceof z.ZodObject)) throw new TypeError('defaultsOf needs an object schema');
  const defaults: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(object.shape as Record<string, z.ZodType>)) {
    // Parsing a missing value is exactly what the schema does with a field left out.
    const parsed = field.safeParse(undefined);
    if (parsed.success && parsed.data !== undefined) defaults[key] = parsed.data;
  }
  return defaults as Defaults<S>;
}

/** The values an enum field accepts, in the schema's order, wherever the enum sits in a shape. */
export function optionsOf<E extends z.ZodEnum>(schema: Wrapped<E>): E['options'] {
  const inner = unwrapped(schema);
  if (!(inner instanceof z.ZodEnum)) throw new TypeError('optionsOf needs an enum schema');
  return inner.options as E['options'];
}

/** The values of a discriminated union's discriminator (`kind`, `type`), in the schema's order. */
export function discriminatorValues<K extends string, O extends { shape: Record<K, { value: unknown }> }>(
  union: { options: readonly O[] },
  key: K,
): O['shape'][K]['value'][] {
  return union.options.map((option) => option.shape[key].value);
}
