import { useMemo } from 'react';
import { Background, Controls, Position, ReactFlow, type Edge, type Node } from '@xyflow/react';
import type { SimulationResult } from '@faultline/schemas';
import { pct } from './format.ts';
import { useNames } from './names-context.ts';
import { heat, runCanvas } from './run-canvas.ts';

/**
 * The run's design with what the run did to it: each component coloured by its failure share,
 * its border by utilisation, each connection by the error rate of its calls, breaker openings as
 * badges. Read-only: nothing here edits the design.
 */
export function RunCanvas({ result }: { result: SimulationResult }) {
  const { design } = useNames();
  const graph = useMemo(() => (design ? runCanvas(design, result) : null), [design, result]);
  if (!graph) return <p>Loading the design…</p>;
  const nodes: Node[] = graph.nodes.map((n) => ({
    id: n.id,
    position: n.position,
    data: {
      label: (
        <span data-testid={`run-canvas.node.${n.name}`}>
          <strong>{n.name}</strong>
          <br />
          failed {pct(n.failureShare, 1)} · busy {pct(n.utilisation, 0)}
          {n.saturated && ' · saturated'}
          {n.faults.map((f) => (
            <span key={f} className="badge">
              ⚠ {f}
            </span>
          ))}
        </span>
      ),
    },
    style: {
      background: heat(n.failureShare),
      color: '#fff',
      border: n.saturated ? '4px solid #7f1d1d' : '1px solid #334155',
      width: 150,
      fontSize: 11,
    },
    sourcePosition: Position.Right,
    targetPosition: Position.Left,
    draggable: false,
    connectable: false,
  }));
  const edges: Edge[] = graph.edges.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    label: [
      `errors ${pct(e.errorRate, 1)}`,
      ...(e.breakerOpenings ? [`⚡ breaker opened ${e.breakerOpenings}×`] : []),
      ...e.faults.map((f) => `⚠ ${f}`),
    ].join(' · '),
    // A fault on the connection itself shows dashed: calls lost on the way never reach the target's figures.
    style: { stroke: heat(e.errorRate), strokeWidth: 3, ...(e.faults.length ? { strokeDasharray: '6 4' } : {}) },
    labelBgStyle: { fill: '#fff' },
  }));
  return (
    <div className="run-canvas" data-testid="run-canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        fitView
        nodesDraggable={false}
        nodesConnectable={false}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
      <p className="legend">
        Colour: share failed (green none, red half or more) · thick border: utilisation ≥ 95 % · edges: error rate of
        calls to their target
      </p>
    </div>
  );
}
