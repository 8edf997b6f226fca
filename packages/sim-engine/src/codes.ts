import type { ErrorKind } from '@faultline/schemas';

// Small integers the engine uses in place of names on its hot paths, with the names the result
// shows. A leaf module: the model and the statistics both read it, and it reads neither.

/**
 * Error kinds (0 is success). Faults in the modelled system are data, never exceptions. The
 * engine may only import types from the schemas package, so the list is repeated here; the type
 * below fails to compile if it ever misses a kind.
 */
export const ERROR_CODES = [
  'timeout',
  'connection-refused',
  'invalid-data',
  'internal-error',
  'rate-limited',
  'unauthorized',
  'overloaded',
  'circuit-open',
  'bulkhead-full',
] as const satisfies readonly ErrorKind[];
type Covered<T extends never> = T;
export type EveryKindHasACode = Covered<Exclude<ErrorKind, (typeof ERROR_CODES)[number]>>;

export type ErrorCode = number;

export const code = (kind: ErrorKind): ErrorCode => ERROR_CODES.indexOf(kind) + 1;

export const TIMEOUT = code('timeout');
export const CONNECTION_REFUSED = code('connection-refused');
export const INVALID_DATA = code('invalid-data');
export const RATE_LIMITED = code('rate-limited');
export const OVERLOADED = code('overloaded');
export const CIRCUIT_OPEN = code('circuit-open');
export const BULKHEAD_FULL = code('bulkhead-full');

/** Causes are tracked for this many faults (a bit each); past them, damage is unattributed. */
export const TRACKED_FAULTS = 32;

/** Circuit-breaker states, as the time series and the event log name them. */
export const CLOSED = 0;
export const OPEN = 1;
export const HALF_OPEN = 2;
export const BREAKER_STATE_NAMES = ['closed', 'open', 'half-open'] as const;
