import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import type { ComponentKind } from '@faultline/schemas';

export type ComponentNodeData = {
  name: string;
  kind: ComponentKind;
  issues: number;
  faults: number;
  /** The faults' names, for the badge's tooltip. */
  faultNames: string[];
  policies: number;
  /** The policies on all its calls and its inbound guards, in short form; per-connection ones are on edges. */
  policyBadges: string[];
  /** Replicas × workers per replica (`2 × 16`); null for clients. */
  capacity: string | null;
  /** Service time in short form (`~10 ms`); null for clients. */
  serviceTime: string | null;
  /** Its operations by name when it has several; a client's request classes with their shares. */
  operations: string[];
};

// Plain symbols: they render without an emoji font.
const ICONS: Record<ComponentKind, string> = {
  client: '→',
  gateway: '⇆',
  service: '⚙',
  database: '▤',
  cache: '↯',
  queue: '☰',
  external: '⌁',
};

/** A component on the canvas, with badges for its problems, faults and resilience policies. */
export function ComponentNode({ data, selected }: NodeProps<Node<ComponentNodeData>>) {
  return (
    <div
      className={`component-node kind-${data.kind}${selected ? ' selected' : ''}${data.issues ? ' invalid' : ''}`}
      data-testid={`node.${data.name}`}
    >
      <Handle type="target" position={Position.Left} />
      <span className="icon" aria-hidden>
        {ICONS[data.kind]}
      </span>
      <span className="label">
        <strong>{data.name}</strong>
        <small className="node-facts" data-testid="node.facts">
          {[data.kind, data.capacity, data.serviceTime].filter(Boolean).join(' · ')}
        </small>
        {data.operations.length > 0 && (
          <small className="node-operations" data-testid="node.operations">
            {data.operations.join(' · ')}
          </small>
        )}
      </span>
      <span className="badges">
        {data.issues > 0 && (
          <span className="badge error" title="problems to fix">
            {plural(data.issues, 'problem')}
          </span>
        )}
        {data.faults > 0 && (
          <span className="badge fault" title={`faults injected here: ${data.faultNames.join(', ')}`}>
            {plural(data.faults, 'fault')}
          </span>
        )}
        {data.policies > 0 && (
          <span
            className="badge policy"
            title={`resilience policies${data.policyBadges.length ? `; on all calls or inbound: ${data.policyBadges.join(', ')}` : ''}`}
          >
            {plural(data.policies, 'policy', 'policies')}
          </span>
        )}
      </span>
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
