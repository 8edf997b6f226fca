import type { PolicyReport } from '@faultline/schemas';
import type { ErrorCode } from '../../codes.ts';
import type { Call, Hop } from '../requests.ts';
import type { Simulation } from '../simulation.ts';

// The two shapes a resilience pattern takes in a run. Each pattern is a class that owns its
// state and implements one of them; `registry.ts` says which, and where it stands in the
// SPEC's order.

/** Every pattern counts what it did in the measured period (`now`: the end of the run). */
export interface CountingPattern {
  counters(now: number): PolicyReport['counters'];
}

/** A guard lets the attempt (or request) through. */
export const ADMITTED = 0;
/** A guard holds the attempt (or request) and brings it back itself, later. */
export const PARKED = -1;
// Any positive verdict is the error code the attempt (or request) fails with.

/**
 * A pattern around each attempt of a call (circuit breaker, bulkhead, timeout). The guards of a
 * call are asked outermost first; when the attempt ends, those that admitted it hear of it
 * innermost first.
 */
export interface AttemptGuard extends CountingPattern {
  /** ADMITTED, PARKED, or an error code. */
  admit(sim: Simulation, call: Call): number;
  /** The attempt this guard admitted has ended; returns a parked call that may now go on, if any. */
  attemptEnded(sim: Simulation, call: Call, error: ErrorCode): Call | null;
  /** The guard that parked the call: its wait is over; the error the attempt fails with. */
  parkExpired?(sim: Simulation, call: Call): ErrorCode;
  /** An attempt this guard admitted timed out. */
  attemptTimedOut?(sim: Simulation): void;
  /** The faults behind the guard's refusals when the attempt carries none (see causes.ts). */
  rejectionCause(call: Call): number;
}

/**
 * A pattern that acts once an attempt has failed (retry, fallback). Asked innermost first: the
 * first that takes the failure schedules what comes next and says true.
 */
export interface FailureHandler extends CountingPattern {
  handle(sim: Simulation, call: Call, error: ErrorCode): boolean;
  /** An attempt of the call succeeded. */
  callSucceeded?(sim: Simulation, call: Call): void;
}

/** A server-side guard on a component's requests (load shedding, rate limiter). */
export interface InboundGuard extends CountingPattern {
  /** ADMITTED, PARKED (the guard schedules the hop's permit), or an error code. */
  admit(sim: Simulation, hop: Hop): number;
}
