import { checkoutExample, DesignSchema, RunSettingsSchema, type RunSettingsInput } from '@faultline/schemas';

/** The spec's checkout example: a 10 s database outage from 20 s. */
export const checkout = DesignSchema.parse(checkoutExample);

export const settings = (overrides: Partial<RunSettingsInput> = {}) =>
  RunSettingsSchema.parse({ durationMs: 40_000, warmupMs: 5_000, seed: 7, ...overrides });
