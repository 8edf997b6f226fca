import type { Fault } from '@faultline/schemas';
import { bitOf } from '../causes.ts';
import type { ComponentRuntime, ConnectionRuntime } from '../components.ts';
import { bandwidth } from './bandwidth.ts';
import { corruption } from './corruption.ts';
import { crash } from './crash.ts';
import { dependencyDown } from './dependency-down.ts';
import { duplicate } from './duplicate.ts';
import { error } from './error.ts';
import type { FaultContext, FaultKind, FaultPlace, InjectedFault, Placement } from './injected-fault.ts';
import { latency } from './latency.ts';
import { packetLoss } from './packet-loss.ts';
import { reorder } from './reorder.ts';
import { resourceExhaustion } from './resource-exhaustion.ts';

// Every fault type, keyed by its schema type: a type added to the schemas without its engine
// behaviour here does not compile.
export const FAULT_KINDS = {
  crash,
  latency,
  error,
  'packet-loss': packetLoss,
  duplicate,
  reorder,
  corruption,
  'resource-exhaustion': resourceExhaustion,
  'dependency-down': dependencyDown,
  bandwidth,
} satisfies { [T in Fault['type']]: FaultKind<T> };

/**
 * Compiles the design's enabled faults and files each in the hook list of its target, in design
 * order, so the hot paths meet only the faults that act there and check no types. Returns every
 * fault (their windows, the event log and state changes need them all).
 */
export function compileFaults(
  faults: readonly Fault[],
  context: FaultContext,
  components: ReadonlyMap<string, ComponentRuntime>,
  connections: ReadonlyMap<string, ConnectionRuntime>,
): InjectedFault[] {
  return faults.map((fault, index) => {
    const place: FaultPlace =
      'component' in fault.target
        ? { component: components.get(fault.target.component)! }
        : { connection: connections.get(fault.target.connection)! };
    // One entry per type: the cast only restates that the fault fits the kind chosen by its type.
    const kind = FAULT_KINDS[fault.type] as FaultKind<Fault['type']>;
    const placement = kind.compile(fault, place, context);
    file(placement, place, 'component' in fault.target ? fault.target.operation : undefined);
    placement.fault.index = index;
    placement.fault.bit = bitOf(index);
    return placement.fault;
  });
}

/**
 * A per-request fault on a component is filed with each of its operations, or with the one it is
 * scoped to (SPEC §3.7), so a request meets only the faults that act on its operation.
 */
function file(placement: Placement, place: FaultPlace, operation: string | undefined): void {
  const operations = () => place.component!.operations.filter((o) => operation === undefined || o.id === operation);
  switch (placement.hook) {
    case 'admission':
      for (const o of operations()) o.admissionFaults.push(placement.fault);
      return;
    case 'service':
      for (const o of operations()) o.serviceFaults.push(placement.fault);
      return;
    case 'answer':
      for (const o of operations()) o.answerFaults.push(placement.fault);
      return;
    case 'network':
      return void place.connection!.networkFaults.push(placement.fault);
    case 'state':
      return;
  }
}
