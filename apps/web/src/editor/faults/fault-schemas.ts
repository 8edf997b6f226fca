import { FaultSchema, type FaultType } from '@faultline/schemas';

type Variant = (typeof FaultSchema.options)[number];
type VariantOf<T extends FaultType> = Extract<Variant, { shape: { type: { value: T } } }>;

/** The schema of one fault type, for its form to read defaults and options from. */
export function faultSchemaOf<T extends FaultType>(type: T): VariantOf<T> {
  const found = FaultSchema.options.find((option): option is VariantOf<T> => option.shape.type.value === type);
  if (!found) throw new Error(`no schema for the fault type ${type}`);
  return found;
}
