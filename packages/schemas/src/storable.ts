import { z } from 'zod';

// What a database can hold, stated once: both providers must refuse (or store) the same values,
// so every text and every integer that becomes a column is checked here, with the rule in the
// message, instead of surfacing as a driver error on one provider only.

/** Integer columns are 32-bit on PostgreSQL (`int4`); SQLite would take more, so the schema decides. */
export const INT32_MAX = 2_147_483_647;

/** An integer that fits a 32-bit column. */
export const int32 = () =>
  z
    .int()
    .min(-INT32_MAX - 1, { message: `must be at least ${-INT32_MAX - 1} (a 32-bit integer)` })
    .max(INT32_MAX, { message: `must be at most ${INT32_MAX} (a 32-bit integer)` });

/** PostgreSQL text and JSON cannot hold U+0000; SQLite can. Refused on both, by name. */
export const safeText = () =>
  z.string().refine((text) => !text.includes('\u0000'), { message: 'must not contain a null character (U+0000)' });
