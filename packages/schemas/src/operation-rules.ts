// The rules of operations and request classes (SPEC §3.7), each reported at the field that breaks
// it. Call and fault references to an operation are checked where calls and faults are.
import { DEFAULT_OPERATION_ID, type Component } from './component.ts';
import type { DesignParts, Report } from './design-rules.ts';

/** Operations in a whole design: a run keeps figures per operation, so their number bounds its memory. */
export const DESIGN_OPERATIONS = 1_000;

/** The operations a request to this component may ask for: its own, else the implicit one. */
export function operationIds(component: Component): string[] {
  return component.operations?.map((o) => o.id) ?? [DEFAULT_OPERATION_ID];
}

export function checkOperations(design: DesignParts, components: Map<string, Component>, report: Report): void {
  let declared = 0;
  design.components.forEach((component, i) => {
    const operations = component.operations;
    if (!operations) return;
    const path = ['components', i];
    declared += operations.length;
    // Each operation of a component with several keeps its own latency histogram in a run.
    if (declared > DESIGN_OPERATIONS && declared - operations.length <= DESIGN_OPERATIONS) {
      report([...path, 'operations'], `a design may have at most ${DESIGN_OPERATIONS} operations in all`);
    }
    if (component.calls.length > 0) {
      report(
        [...path, 'calls'],
        `"${component.id}" has operations: its own calls are unused, move them into an operation`,
      );
    }
    const seen = new Map<string, number>();
    operations.forEach((operation, k) => {
      const first = seen.get(operation.id);
      if (first !== undefined) {
        report(
          [...path, 'operations', k, 'id'],
          `operation id "${operation.id}" is already used by /components/${i}/operations/${first}`,
        );
      } else seen.set(operation.id, k);
      if (component.kind !== 'client' && 'weight' in operation && operation.weight !== undefined) {
        report(
          [...path, 'operations', k, 'weight'],
          "only a client's operations have a weight: it is that request class's share of the workload",
        );
      }
    });
  });
  checkClassTargets(design, components, report);
}

/** `slo.classes` names request classes: operations of the workload's entry client. */
function checkClassTargets(design: DesignParts, components: Map<string, Component>, report: Report): void {
  const targets = design.slo?.classes;
  const entry = components.get(design.workload.entry);
  if (!targets || !entry || entry.kind !== 'client') return;
  const classes = entry.operations?.map((o) => o.id) ?? [];
  for (const id of Object.keys(targets)) {
    if (classes.includes(id)) continue;
    report(
      ['slo', 'classes', id],
      classes.length === 0
        ? `no request class "${id}": the entry client "${entry.id}" declares no operations`
        : `no request class "${id}": the entry client "${entry.id}" has ${classes.map((c) => `"${c}"`).join(', ')}`,
    );
  }
}
