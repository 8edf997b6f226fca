import type { SimulationResult } from '@faultline/schemas';
import type { Named } from './names.ts';
import { SATURATED_UTILISATION } from './saturation.ts';

export interface CanvasNode {
  id: string;
  name: string;
  position: { x: number; y: number };
  /** Failed over requests at this component; null when it saw none. */
  failureShare: number | null;
  utilisation: number | null;
  saturated: boolean;
  /** The exercised faults on this component, by name. */
  faults: string[];
}

export interface CanvasEdge {
  id: string;
  source: string;
  target: string;
  /**
   * The failure share of the calls' target. The result counts failures per component, not per
   * connection, so every edge into a component shows that component's rate.
   */
  errorRate: number | null;
  /** How many times a breaker on this connection opened. */
  breakerOpenings: number;
  /** The exercised faults on this connection, by name: its error rate cannot show what they did. */
  faults: string[];
}

/** A share from 0 (green) to 0.5 or more (red), as a colour: past half failing, it is all red. */
export function heat(share: number | null): string {
  if (share === null) return '#cbd5e1';
  const hue = Math.round(120 * (1 - Math.min(1, share / 0.5)));
  return `hsl(${hue} 70% 45%)`;
}

const share = (part: number, whole: number) => (whole ? part / whole : null);

/** The run's design as a graph, each part with what the run did to it. */
export function runCanvas(design: Named, result: SimulationResult): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  const exercised = new Set(result.faultWindows.filter((w) => w.state !== 'not-exercised').map((w) => w.faultId));
  const faultsOn = (part: 'component' | 'connection', id: string) =>
    (design.faults ?? [])
      .filter((f) => exercised.has(f.id) && part in f.target && (f.target as Record<string, string>)[part] === id)
      .map((f) => f.name);
  const nodes = design.components.map((c) => {
    const stats = result.components[c.id];
    return {
      id: c.id,
      name: c.name,
      position: c.position ?? { x: 0, y: 0 },
      failureShare: stats ? share(stats.failed, stats.requests) : null,
      utilisation: stats?.utilisation ?? null,
      saturated: (stats?.utilisation ?? 0) >= SATURATED_UTILISATION,
      faults: faultsOn('component', c.id),
    };
  });
  const openings = new Map<string, number>();
  for (const p of result.policies) {
    if (p.type === 'circuit-breaker' && p.connection !== null) {
      openings.set(p.connection, (openings.get(p.connection) ?? 0) + p.counters.opened);
    }
  }
  const edges = (design.connections ?? []).map((c) => {
    const target = result.components[c.target];
    return {
      id: c.id,
      source: c.source,
      target: c.target,
      errorRate: target ? share(target.failed, target.requests) : null,
      breakerOpenings: openings.get(c.id) ?? 0,
      faults: faultsOn('connection', c.id),
    };
  });
  return { nodes, edges };
}
