import { describe, expect, it } from 'vitest';
import { chaosResult, checkoutDesign } from '../test/results.ts';
import { heat, runCanvas } from './run-canvas.ts';

describe('the run on its canvas', () => {
  const { nodes, edges } = runCanvas(checkoutDesign, chaosResult());

  it('each component carries its failure share and utilisation, and whether it saturated', () => {
    expect(nodes.find((n) => n.id === 'api')).toMatchObject({
      name: 'Checkout API',
      failureShare: 0.025,
      utilisation: 0.97,
      saturated: true,
    });
    // A component the run never reached has nothing to show, not a zero.
    expect(nodes.find((n) => n.id === 'cache')).toMatchObject({ failureShare: null, saturated: false });
  });

  it('each connection carries its target’s error rate and its breaker openings as a badge', () => {
    expect(edges.find((e) => e.id === 'api-db')).toMatchObject({ errorRate: 0.03, breakerOpenings: 1 });
    expect(edges.find((e) => e.id === 'api-cache')).toMatchObject({
      breakerOpenings: 0,
      faults: ['Price cache unreachable'],
    });
    // A fault that never happened marks nothing.
    expect(nodes.find((n) => n.id === 'db')).toMatchObject({ faults: ['Orders DB outage'] });
  });

  it('colours run from green (nothing failed) to red (half or more failed)', () => {
    expect(heat(0)).toBe('hsl(120 70% 45%)');
    expect(heat(0.25)).toBe('hsl(60 70% 45%)');
    expect(heat(0.9)).toBe('hsl(0 70% 45%)');
    expect(heat(null)).toBe('#cbd5e1');
  });
});
