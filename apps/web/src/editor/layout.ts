import dagre from '@dagrejs/dagre';
import type { DesignInput } from '@faultline/schemas';
import type { Position } from './draft.ts';

/** A component's size on the canvas (its width is fixed by the stylesheet; two lines of facts fit the height). */
export const NODE_SIZE = { width: 210, height: 76 };
/** The room a component takes on the canvas, with a margin: what placement keeps clear. */
export const NODE_BOX = { width: NODE_SIZE.width + 40, height: NODE_SIZE.height + 30 };

const overlaps = (a: Position, b: Position) =>
  Math.abs(a.x - b.x) < NODE_BOX.width && Math.abs(a.y - b.y) < NODE_BOX.height;

/**
 * The first spot at or near `preferred` where a new component covers none already drawn: along
 * the row first, then row by row below, so palette clicks lay new parts side by side rather than
 * on top of each other.
 */
export function freeSpot(design: DesignInput, preferred: Position): Position {
  const taken = design.components.map((c) => c.position ?? { x: 0, y: 0 });
  for (let row = 0; row < 50; row++)
    for (let column = 0; column < 6; column++) {
      const spot = { x: preferred.x + column * NODE_BOX.width, y: preferred.y + row * NODE_BOX.height };
      if (!taken.some((p) => overlaps(p, spot))) return spot;
    }
  return { x: preferred.x, y: preferred.y + 50 * NODE_BOX.height };
}

/**
 * Positions that read like the system: traffic flows left to right from the clients, each
 * component in the column of its depth, laid out by dagre (layered graph drawing).
 */
export function layoutPositions(design: DesignInput): Record<string, Position> {
  const graph = new dagre.graphlib.Graph();
  // Wide ranks leave room for the badges an edge carries between its ends.
  graph.setGraph({ rankdir: 'LR', nodesep: 50, ranksep: 200, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const c of design.components) graph.setNode(c.id, { ...NODE_SIZE });
  for (const c of design.connections ?? []) graph.setEdge(c.source, c.target);
  dagre.layout(graph);
  return Object.fromEntries(
    design.components.map((c) => {
      const { x, y, width, height } = graph.node(c.id);
      // dagre gives centres; React Flow places nodes by their top-left corner.
      return [c.id, { x: Math.round(x - width / 2), y: Math.round(y - height / 2) }];
    }),
  );
}

/** A design drawn nowhere yet (every component at one spot, as a hand-written file leaves it). */
export function lacksPositions(design: DesignInput): boolean {
  if (design.components.length < 2) return false;
  const [first, ...rest] = design.components.map((c) => c.position ?? { x: 0, y: 0 });
  return rest.every((p) => p.x === first!.x && p.y === first!.y);
}

/** The design with every component where `layoutPositions` puts it. */
export function laidOut<D extends DesignInput>(design: D): D {
  const positions = layoutPositions(design);
  return { ...design, components: design.components.map((c) => ({ ...c, position: positions[c.id] })) };
}
