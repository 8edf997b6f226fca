// Converts a design document to table rows and back. Components, connections, faults and
// resilience policies get rows of their own; nested values whose shape the schemas package owns
// (distributions, calls, schedules, pattern params) are stored as JSON.
import type { Prisma } from '@faultline/db';
import {
  DesignFieldsSchema,
  type Component,
  type Connection,
  type Design,
  type Fault,
  type InboundPolicy,
  type OutgoingPolicy,
  type StoredDesign,
} from '@faultline/schemas';

type Json = Prisma.InputJsonValue;
const json = (value: unknown): Json => value as Json;

export function componentRow(designId: string, component: Component, ordinal: number): Prisma.ComponentCreateManyInput {
  const { id, name, kind, position, calls } = component;
  const serving = component.kind === 'client' ? undefined : component;
  return {
    designId,
    slug: id,
    ordinal,
    name,
    kind,
    x: position.x,
    y: position.y,
    replicas: serving?.replicas ?? null,
    concurrency: serving?.concurrency ?? null,
    queueCapacity: serving?.queueCapacity ?? null,
    serviceTime: serving ? json(serving.serviceTime) : undefined,
    calls: json(calls),
    settings: json(kindSettings(component)),
  };
}

/**
 * The fields only some components have: those of their kind, and their operations (SPEC §3.7),
 * kept as the schemas package shapes them.
 */
function kindSettings(component: Component): Record<string, unknown> {
  const operations = component.operations ? { operations: component.operations } : {};
  switch (component.kind) {
    case 'gateway':
      return { balancing: component.balancing, ...operations };
    case 'cache':
      return { hitRatio: component.hitRatio, ...operations };
    case 'queue':
      return { consumers: component.consumers, maxDepth: component.maxDepth, ...operations };
    default:
      return operations;
  }
}

export function resilienceRows(designId: string, component: Component): Prisma.ResilienceConfigCreateManyInput[] {
  const rows = (direction: 'outgoing' | 'inbound', policies: (OutgoingPolicy | InboundPolicy)[]) =>
    policies.map((policy, ordinal) => ({
      designId,
      componentSlug: component.id,
      direction,
      ordinal,
      type: policy.type,
      connection: 'connection' in policy ? (policy.connection ?? null) : null,
      params: json(policy.params),
    }));
  return [
    ...rows('outgoing', component.resilience),
    ...rows('inbound', component.kind === 'client' ? [] : component.inbound),
  ];
}

export function connectionRow(
  designId: string,
  connection: Connection,
  ordinal: number,
): Prisma.ConnectionCreateManyInput {
  return {
    designId,
    slug: connection.id,
    ordinal,
    source: connection.source,
    target: connection.target,
    mode: connection.mode,
    latency: json(connection.latency),
    payloadBytes: connection.payloadBytes ?? null,
  };
}

export function faultRow(designId: string, fault: Fault, ordinal: number): Prisma.FaultInjectionCreateManyInput {
  return {
    designId,
    slug: fault.id,
    ordinal,
    name: fault.name,
    type: fault.type,
    targetComponent: 'component' in fault.target ? fault.target.component : null,
    targetConnection: 'connection' in fault.target ? fault.target.connection : null,
    targetOperation: ('operation' in fault.target && fault.target.operation) || null,
    schedule: json(fault.schedule),
    params: json(fault.params),
    enabled: fault.enabled,
  };
}

/** What a design is read with: every child row. */
export const DESIGN_WITH_CHILDREN = {
  components: { include: { resilience: true } },
  connections: true,
  faults: true,
} as const satisfies Prisma.DesignInclude;

/** A design row with its children, typed by Prisma from the include above. */
export type DesignWithChildren = Prisma.DesignGetPayload<{ include: typeof DESIGN_WITH_CHILDREN }>;

const byOrdinal = <T extends { ordinal: number }>(rows: T[]) => [...rows].sort((a, b) => a.ordinal - b.ordinal);
const withoutNulls = (entries: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== null && v !== undefined));

export function storedDesignFromRows(row: DesignWithChildren): StoredDesign {
  const components = byOrdinal(row.components).map((c) => {
    const policies = byOrdinal(c.resilience);
    const outgoing = policies
      .filter((p) => p.direction === 'outgoing')
      .map((p) => withoutNulls({ type: p.type, connection: p.connection, params: p.params }));
    const common = {
      id: c.slug,
      name: c.name,
      kind: c.kind,
      position: { x: c.x, y: c.y },
      calls: c.calls,
      resilience: outgoing,
    };
    // Written by kindSettings, always an object (a client's holds its operations at most).
    const settings = c.settings as Prisma.JsonObject;
    if (c.kind === 'client') return { ...common, ...settings };
    const inbound = policies.filter((p) => p.direction === 'inbound').map((p) => ({ type: p.type, params: p.params }));
    return {
      ...common,
      replicas: c.replicas,
      concurrency: c.concurrency,
      queueCapacity: c.queueCapacity,
      serviceTime: c.serviceTime,
      inbound,
      ...settings,
    };
  });
  const design = {
    name: row.name,
    description: row.description,
    components,
    connections: byOrdinal(row.connections).map((c) =>
      withoutNulls({
        id: c.slug,
        source: c.source,
        target: c.target,
        mode: c.mode,
        latency: c.latency,
        payloadBytes: c.payloadBytes,
      }),
    ),
    faults: byOrdinal(row.faults).map((f) => ({
      id: f.slug,
      name: f.name,
      type: f.type,
      target:
        f.targetComponent === null
          ? { connection: f.targetConnection }
          : withoutNulls({ component: f.targetComponent, operation: f.targetOperation }),
      schedule: f.schedule,
      params: f.params,
      enabled: f.enabled,
    })),
    workload: row.workload,
    slo: row.slo,
  };
  // Parsing puts every key in the schema's order, so what is read back is laid out as documented.
  const fields: Design = DesignFieldsSchema.parse(design);
  return {
    id: row.id,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...fields,
  };
}
