// Causes (SPEC §4.2): which faults a failure or a degraded answer is charged to.
//
// A request carries bit sets of fault indices (bit i for the model's fault i; the first 32 faults
// are tracked). A fault's bit is marked on the hop it acts on and, at once, on every call and hop
// waiting on that hop, so a failure anywhere up the chain can be charged without looking down.
// A defence that absorbs a fault's effect (a fallback answer, a retry that succeeds, an optional
// call) marks it absorbed up the chain: it is charged nothing from then on.
//
// A failure the system produced (a timeout, a full queue, an open breaker, a full bulkhead, a
// rate limit) is charged to the unabsorbed faults its request carries; else to the faults spread
// to it by queueing behind requests that carry them (indirect); else to nothing.
import { TRACKED_FAULTS } from '../codes.ts';
import type { ComponentRuntime } from './components.ts';
import { CALLEE, type Call, type Hop } from './requests.ts';

export const bitOf = (index: number): number => (index < TRACKED_FAULTS ? 1 << index : 0);

/** The cause worked out last: read at once by whoever asked. */
export const cause = { mask: 0, direct: false };

/** The call `hop` answers, while it still waits for it. */
function waitingCall(hop: Hop): Call | null {
  if (hop.role !== CALLEE) return null;
  const call = hop.call!;
  return call.gen === hop.callGen ? call : null;
}

/** The hop that made `call`, while it still waits for it. */
function waitingParent(call: Call): Hop | null {
  const parent = call.parent;
  return parent !== null && parent.gen === call.parentGen ? parent : null;
}

/** Fault bits `mask` acted on the request at `hop`: it and everything waiting on it carry them. */
export function markActed(hop: Hop, mask: number): void {
  for (let h: Hop | null = hop; h !== null;) {
    const added = mask & ~h.acted;
    if (added === 0) return;
    h.acted |= added;
    // The tally counts the unabsorbed faults that acted on the requests in flight.
    if (h.linked) h.component.faultsInFlight.add(added & ~h.absorbed);
    const call = waitingCall(h);
    if (call === null) return;
    call.acted |= added;
    h = waitingParent(call);
  }
}

/**
 * Fault `bit` lost the request at `hop` or hung its callee: nobody will answer. A timeout that
 * fires because of it, anywhere up the chain, is that fault's own doing.
 */
export function markLost(hop: Hop, bit: number): void {
  markActed(hop, bit);
  for (let h: Hop | null = hop; h !== null;) {
    h.lost |= bit;
    const call = waitingCall(h);
    if (call === null) return;
    call.lost |= bit;
    h = waitingParent(call);
  }
}

/** The request at `hop` queued behind requests carrying `mask`: it and what waits on it carry them, indirectly. */
export function markSpread(hop: Hop, mask: number): void {
  for (let h: Hop | null = hop; h !== null;) {
    const added = mask & ~h.spread & ~h.acted;
    if (added === 0) return;
    h.spread |= added;
    const call = waitingCall(h);
    if (call === null) return;
    call.spread |= added;
    h = waitingParent(call);
  }
}

/** A call's network crossing was acted on by `mask`: the call and everything waiting on it carry them. */
export function markCallActed(call: Call, mask: number): void {
  call.acted |= mask;
  const parent = waitingParent(call);
  if (parent !== null) markActed(parent, mask);
}

/** A call's request or answer was lost by fault `bit`: as markLost, from the call up. */
export function markCallLost(call: Call, bit: number): void {
  call.lost |= bit;
  const parent = waitingParent(call);
  if (parent !== null) markLost(parent, bit);
}

/** A defence absorbed the effect of `mask` at `hop` (a fallback too when `fallback`): up the chain. */
export function markAbsorbed(hop: Hop, mask: number, fallback: boolean): void {
  for (let h: Hop | null = hop; h !== null;) {
    // An absorbed fault no longer counts as carried by the requests in flight.
    if (h.linked) h.component.faultsInFlight.remove(mask & h.acted & ~h.absorbed);
    h.absorbed |= mask;
    if (fallback) h.fallbackFor |= mask;
    const call = waitingCall(h);
    if (call === null) return;
    call.absorbed |= mask;
    if (fallback) call.fallbackFor |= mask;
    h = waitingParent(call);
  }
}

/** A fault's own action produced the failure. */
export function direct(mask: number): void {
  cause.mask = mask;
  cause.direct = true;
}

/** A timeout: the fault that lost or hung what it waited for (direct), else as systemCause. */
export function timeoutCause(carrier: Hop | Call, component: ComponentRuntime | null): void {
  const lost = carrier.lost & ~carrier.absorbed;
  if (lost !== 0) direct(lost);
  else systemCause(carrier, component);
}

/**
 * A failure the system produced, of a request carrying `carrier`'s marks, arising at `component`:
 * the faults it carries, else those spread to it, else the unabsorbed faults carried by the
 * requests in flight where the failure arose, else nothing.
 */
export function systemCause(carrier: Hop | Call, component: ComponentRuntime | null): void {
  cause.direct = false;
  const own = carrier.acted & ~carrier.absorbed;
  if (own !== 0) {
    cause.mask = own;
    return;
  }
  const spread = carrier.spread & ~carrier.absorbed;
  cause.mask = spread !== 0 || component === null ? spread : component.faultsInFlight.mask() & ~carrier.absorbed;
}
