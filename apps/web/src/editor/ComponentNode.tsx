import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import type { ComponentKind } from '@faultline/schemas';

export type ComponentNodeData = {
  name: string;
  kind: ComponentKind;
  issues: number;
  faults: number;
  policies: number;
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
        <small>{data.kind}</small>
      </span>
      <span className="badges">
        {data.issues > 0 && (
          <span className="badge error" title="problems to fix">
            {plural(data.issues, 'problem')}
          </span>
        )}
        {data.faults > 0 && (
          <span className="badge fault" title="faults injected here">
            {plural(data.faults, 'fault')}
          </span>
        )}
        {data.policies > 0 && (
          <span className="badge policy" title="resilience policies">
            {plural(data.policies, 'policy', 'policies')}
          </span>
        )}
      </span>
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
