// Builders for the small designs the engine's tests run. Test support only: not exported.
import {
  DesignSchema,
  RunSettingsSchema,
  type Design,
  type DesignInput,
  type RunSettings,
  type RunSettingsInput,
} from '@faultline/schemas';

type ComponentInput = DesignInput['components'][number];

/** client → a chain of components, each calling the next over a sync connection. */
export function chain(components: ComponentInput[], extra: Partial<DesignInput> = {}): Design {
  const client = components[0]!;
  const connections = components.slice(0, -1).map((c, i) => ({
    id: `${c.id}-${components[i + 1]!.id}`,
    source: c.id,
    target: components[i + 1]!.id,
    latency: { kind: 'constant' as const, value: 0 },
  }));
  const withCalls = components.map((c, i) =>
    i < components.length - 1 && !(c.calls && c.calls.length)
      ? { ...c, calls: [{ connection: connections[i]!.id }] }
      : c,
  );
  return DesignSchema.parse({
    name: 'test',
    components: withCalls,
    connections,
    workload: { entry: client.id, arrival: { kind: 'poisson', ratePerSecond: 100 } },
    ...extra,
  });
}

export const settings = (input: RunSettingsInput): RunSettings => RunSettingsSchema.parse(input);

export const client = { id: 'users', name: 'Users', kind: 'client' as const };

export function server(id: string, fields: Partial<Extract<ComponentInput, { kind: 'service' }>> = {}) {
  return { id, name: id, kind: 'service' as const, ...fields };
}
