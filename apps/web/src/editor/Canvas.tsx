import { useCallback, useMemo, useState, type DragEvent } from 'react';
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
  type OnBeforeDelete,
  type OnConnect,
} from '@xyflow/react';
import { COMPONENT_KINDS } from '@faultline/schemas';
import { useAppDispatch, useAppSelector } from '../app/hooks.ts';
import {
  capacityOf,
  nodeOperations,
  nodePolicyBadges,
  policiesOnConnection,
  policyBadge,
  serviceTimeOf,
} from './canvas-labels.ts';
import { ComponentNode, type ComponentNodeData } from './ComponentNode.tsx';
import { editorActions } from './editor-slice.ts';
import { layoutPositions } from './layout.ts';
import { PALETTE_MIME } from './Palette.tsx';
import { connectionName } from './names.ts';
import { selectCallLoop, selectDraft, selectIssuesByPart, selectSelection } from './selectors.ts';

const nodeTypes = { component: ComponentNode };

/** The design as a graph: nodes and edges are derived from the draft, every change goes through the slice. */
export function Canvas() {
  const dispatch = useAppDispatch();
  const draft = useAppSelector(selectDraft)!;
  const selection = useAppSelector(selectSelection);
  const issues = useAppSelector(selectIssuesByPart);
  const loop = useAppSelector(selectCallLoop);
  const flow = useReactFlow();
  // The map of the whole drawing starts folded away: open, it sits in a corner and lets every
  // pointer through to the drawing beneath it.
  const [mapOpen, setMapOpen] = useState(false);
  const tidy = useCallback(() => {
    dispatch(editorActions.layoutApplied(layoutPositions(draft)));
    // Fitted once the nodes have moved.
    requestAnimationFrame(() => void flow.fitView({ maxZoom: 1, padding: 0.15 }));
  }, [dispatch, draft, flow]);

  const derivedNodes = useMemo<Node<ComponentNodeData>[]>(() => {
    const selected = new Set(selection);
    return draft.components.map((c) => {
      const faults = (draft.faults ?? []).filter((f) => 'component' in f.target && f.target.component === c.id);
      return {
        id: c.id,
        type: 'component',
        position: c.position ?? { x: 0, y: 0 },
        selected: selected.has(c.id),
        data: {
          name: c.name,
          kind: c.kind,
          issues: issues.get(c.id)?.length ?? 0,
          faults: faults.length,
          faultNames: faults.map((f) => f.name),
          policies: (c.resilience?.length ?? 0) + ('inbound' in c ? (c.inbound?.length ?? 0) : 0),
          policyBadges: nodePolicyBadges(c),
          capacity: capacityOf(c),
          serviceTime: serviceTimeOf(c),
          operations: nodeOperations(c),
        },
      };
    });
  }, [draft, selection, issues]);

  const edges = useMemo<Edge[]>(() => {
    const selected = new Set(selection);
    return (draft.connections ?? []).map((c) => {
      const faults = (draft.faults ?? []).filter((f) => 'connection' in f.target && f.target.connection === c.id);
      const caller = draft.components.find((component) => component.id === c.source);
      // What acts on this connection, where it acts: its faults, and the caller's policies for it.
      const badges = [...faults.map((f) => `⚡ ${f.type}`), ...policiesOnConnection(caller, c.id).map(policyBadge)];
      const invalid = issues.has(c.id);
      const inLoop = loop?.connections.includes(c.id) ?? false;
      return {
        id: c.id,
        source: c.source,
        target: c.target,
        selected: selected.has(c.id),
        animated: c.mode === 'async',
        label: badges.length ? badges.join(' · ') : undefined,
        labelStyle: { fontSize: 11 },
        labelBgPadding: [4, 2] as [number, number],
        labelBgStyle: { fill: faults.length ? '#fff7ed' : '#eef2ff' },
        // Every connection of a loop of calls is drawn red, not just the one the rule points at.
        markerEnd: {
          type: MarkerType.ArrowClosed,
          width: 18,
          height: 18,
          color: invalid || inLoop ? '#dc2626' : '#64748b',
        },
        className: [invalid && 'invalid', inLoop && 'in-loop'].filter(Boolean).join(' ') || undefined,
        ariaLabel: `Connection ${connectionName(draft, c)}`,
      };
    });
  }, [draft, selection, issues, loop]);

  // React Flow measures its nodes; the measurements live here, everything else comes from the draft.
  const [measured, setMeasured] = useState<ReadonlyMap<string, Node['measured']>>(new Map());
  const nodes = useMemo(
    () => derivedNodes.map((n) => ({ ...n, measured: measured.get(n.id) })),
    [derivedNodes, measured],
  );

  /** Selection, moves and deletions become editor actions; the rest (measurements) stays local. */
  const onChanges = useCallback(
    (changes: (NodeChange | EdgeChange)[]) => {
      for (const change of changes) {
        if (change.type === 'position') {
          if (change.position) dispatch(editorActions.componentDragged({ id: change.id, position: change.position }));
          if (change.dragging === false) dispatch(editorActions.componentDropped());
        }
      }
      const selects = changes.filter((c) => c.type === 'select');
      // Node and edge changes arrive in separate calls: each applies to the selection as it is now.
      if (selects.length)
        dispatch(editorActions.selectionToggled(selects.map((c) => ({ id: c.id, selected: c.selected }))));
    },
    [dispatch],
  );
  const onNodesChange = useCallback(
    (changes: NodeChange<Node<ComponentNodeData>>[]) => {
      const sizes = changes.flatMap((c) =>
        c.type === 'dimensions' && c.dimensions ? [[c.id, c.dimensions] as const] : [],
      );
      if (sizes.length)
        setMeasured((previous) => {
          const next = new Map(previous);
          for (const [id, size] of sizes) next.set(id, { ...size });
          return next;
        });
      onChanges(changes);
    },
    [onChanges],
  );
  // React Flow removes a node's edges and the node in two separate calls; the slice removes them,
  // and all that hangs on them, as one step of undo, so React Flow is told to remove nothing.
  const onBeforeDelete = useCallback<OnBeforeDelete<Node<ComponentNodeData>>>(
    async ({ nodes: gone, edges: goneEdges }) => {
      // React Flow adds the edges of deleted nodes; the slice finds those itself, and says so.
      const ids = [...gone, ...goneEdges.filter((edge) => edge.selected)].map((part) => part.id);
      if (ids.length) dispatch(editorActions.partsRemoved(ids));
      return false;
    },
    [dispatch],
  );
  const onConnect = useCallback<OnConnect>(
    ({ source, target }) => dispatch(editorActions.connected({ source, target })),
    [dispatch],
  );
  const onDrop = useCallback(
    (event: DragEvent) => {
      const dropped = event.dataTransfer.getData(PALETTE_MIME);
      const kind = COMPONENT_KINDS.find((k) => k === dropped);
      if (!kind) return;
      event.preventDefault();
      dispatch(
        editorActions.componentAdded({
          kind,
          position: flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }),
        }),
      );
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
        onEdgesChange={onChanges}
        onConnect={onConnect}
        onBeforeDelete={onBeforeDelete}
        deleteKeyCode={['Delete', 'Backspace']}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        defaultViewport={{ x: 80, y: 40, zoom: 1 }}
        // A loaded design is fitted once into view; a new one keeps the plain view the user draws in.
        onInit={(instance) => void (draft.components.length > 1 && instance.fitView({ maxZoom: 1 }))}
      >
        <Background />
        <Controls />
        <Panel position="top-right" className="canvas-tools">
          <button type="button" data-testid="canvas.layout" onClick={tidy} title="Lay the design out left to right">
            Auto-layout
          </button>
          <button
            type="button"
            data-testid="canvas.map"
            aria-pressed={mapOpen}
            onClick={() => setMapOpen((open) => !open)}
          >
            {mapOpen ? 'Hide map' : 'Show map'}
          </button>
        </Panel>
        {mapOpen && (
          <MiniMap
            className="canvas-map"
            position="bottom-right"
            ariaLabel="Map of the design"
            style={{ width: 160, height: 110 }}
          />
        )}
      </ReactFlow>
    </div>
  );
}
