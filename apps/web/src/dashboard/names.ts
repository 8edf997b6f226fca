import type { Run } from '@faultline/schemas';
import { useGetRunDesignQuery } from '../api/faultline-api.ts';

/** The parts of a design that name what a result keys by id. */
export interface Named {
  components: readonly {
    id: string;
    name: string;
    kind?: string;
    position?: { x: number; y: number };
    operations?: readonly { id: string; name: string }[] | undefined;
  }[];
  connections?: readonly { id: string; source: string; target: string }[] | undefined;
  faults?: readonly { id: string; name: string; target: { component: string } | { connection: string } }[] | undefined;
}

/** How a person reads the ids a result is keyed by (SPEC §4.2 "Names"). */
export interface Names {
  component(id: string): string;
  /** A connection has no name of its own: it reads as "Source → Target". */
  connection(id: string): string;
  fault(id: string): string;
  /** One of a component's operations (SPEC §3.7). */
  operation(componentId: string, operationId: string): string;
  /** A request class: an operation of the design's client (SPEC §3.7). */
  requestClass(id: string): string;
  /** The design the names come from, for what else it tells (a fault's target); none while loading. */
  readonly design: Named | undefined;
}

/**
 * Names from a design; an id the design does not know (a part removed since, or no design yet)
 * reads as itself rather than disappearing.
 */
export function namesOf(design: Named | undefined): Names {
  const components = new Map(design?.components.map((c) => [c.id, c.name]));
  const connections = new Map(design?.connections?.map((c) => [c.id, c]));
  const faults = new Map(design?.faults?.map((f) => [f.id, f.name]));
  const component = (id: string) => components.get(id) ?? id;
  return {
    component,
    connection(id) {
      const c = connections.get(id);
      return c ? `${component(c.source)} → ${component(c.target)}` : id;
    },
    fault: (id) => faults.get(id) ?? id,
    operation: (componentId, operationId) =>
      design?.components.find((c) => c.id === componentId)?.operations?.find((o) => o.id === operationId)?.name ??
      operationId,
    requestClass: (id) =>
      design?.components
        .filter((c) => c.kind === 'client')
        .flatMap((c) => c.operations ?? [])
        .find((o) => o.id === id)?.name ?? id,
    design,
  };
}

/** The names for a run's result, from the design snapshot the run ran (SPEC §4.2). */
export function useRunNames(run: Pick<Run, 'id'> | undefined): Names {
  const { data: design } = useGetRunDesignQuery(run?.id ?? '', { skip: !run });
  return namesOf(design);
}
