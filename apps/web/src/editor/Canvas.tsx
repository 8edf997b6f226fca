import { useCallback, useMemo, type DragEvent } from 'react';
import {
  Background, Controls, MiniMap, ReactFlow, useReactFlow, type Edge, type EdgeChange, type Node, type NodeChange, type OnConnect,
} from '@xyflow/react';
import type { ComponentKind } from '@faultline/schemas';
import { useAppDispatch, useAppSelector } from '../app/hooks.ts';
import { ComponentNode, type ComponentNodeData } from './ComponentNode.tsx';
import { editorActions } from './editor-slice.ts';
import { PALETTE_MIME } from './Palette.tsx';
import { selectDraft, selectIssuesByPart, selectSelection } from './selectors.ts';

const nodeTypes = { component: ComponentNode };

/** The design as a graph: nodes and edges are derived from the draft, every change goes through the slice. */
export function Canvas() {
  const dispatch = useAppDispatch();
  const draft = useAppSelector(selectDraft)!;
  const selection = useAppSelector(selectSelection);
  const issues = useAppSelector(selectIssuesByPart);
  const flow = useReactFlow();

  const nodes = useMemo<Node<ComponentNodeData>[]>(() => {
    const selected = new Set(selection);
    return draft.components.map((c) => ({
      id: c.id,
      type: 'component',
      position: c.position ?? { x: 0, y: 0 },
      selected: selected.has(c.id),
      data: {
        name: c.name,
        kind: c.kind,
        issues: issues.get(c.id)?.length ?? 0,
        faults: (draft.faults ?? []).filter((f) => 'component' in f.target && f.target.component === c.id).length,
        policies: (c.resilience?.length ?? 0) + ('inbound' in c ? (c.inbound?.length ?? 0) : 0),
      },
    }));
  }, [draft, selection, issues]);

  const edges = useMemo<Edge[]>(() => {
    const selected = new Set(selection);
    return (draft.connections ?? []).map((c) => {
      const faulted = (draft.faults ?? []).some((f) => 'connection' in f.target && f.target.connection === c.id);
      return {
        id: c.id,
        source: c.source,
        target: c.target,
        selected: selected.has(c.id),
        animated: c.mode === 'async',
        label: faulted ? '⚠' : undefined,
        className: issues.has(c.id) ? 'invalid' : undefined,
      };
    });
  }, [draft, selection, issues]);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const removed: string[] = [];
      for (const change of changes) {
        if (change.type === 'position' && change.position) dispatch(editorActions.componentDragged({ id: change.id, position: change.position }));
        if (change.type === 'position' && change.dragging === false) dispatch(editorActions.componentDropped());
        if (change.type === 'remove') removed.push(change.id);
      }
      if (removed.length) dispatch(editorActions.partsRemoved(removed));
    },
    [dispatch],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const removed = changes.filter((c) => c.type === 'remove').map((c) => c.id);
      if (removed.length) dispatch(editorActions.partsRemoved(removed));
    },
    [dispatch],
  );
  const onConnect = useCallback<OnConnect>(
    ({ source, target }) => dispatch(editorActions.connected({ source, target })),
    [dispatch],
  );
  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_MIME) as ComponentKind;
      if (!kind) return;
      event.preventDefault();
      dispatch(editorActions.componentAdded({ kind, position: flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }) }));
    },
    [dispatch, flow],
  );

  return (
    <div className="canvas" data-testid="canvas" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onSelectionChange={({ nodes: n, edges: e }) => {
          const ids = [...n.map((x) => x.id), ...e.map((x) => x.id)];
          if (ids.join() !== selection.join()) dispatch(editorActions.selectionChanged(ids));
        }}
        deleteKeyCode={['Delete', 'Backspace']}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        fitView
      >
        <Background />
        <Controls />
        <MiniMap pannable zoomable />
      </ReactFlow>
    </div>
  );
}
