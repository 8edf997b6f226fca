import { describe, expect, it } from 'vitest';
import { checkoutExample, DESIGN_TEMPLATES, type DesignInput } from '@faultline/schemas';
import { freeSpot, lacksPositions, laidOut, layoutPositions, NODE_BOX } from './layout.ts';

const at = (x: number, y: number) => ({ x, y });
const design = (...positions: { x: number; y: number }[]): DesignInput => ({
  name: 'd',
  components: positions.map((position, i) => ({ id: `c${i}`, name: `C${i}`, kind: 'service', position })),
  workload: { entry: 'c0', arrival: { kind: 'poisson', ratePerSecond: 1 } },
});
const apart = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.abs(a.x - b.x) >= NODE_BOX.width || Math.abs(a.y - b.y) >= NODE_BOX.height;

describe('placing a new component', () => {
  it('takes the preferred spot when it is free', () => {
    expect(freeSpot(design(at(600, 400)), at(100, 100))).toEqual(at(100, 100));
  });

  it('never on top of one already drawn: ten added in turn all stand apart', () => {
    let d = design(at(100, 100));
    for (let i = 0; i < 10; i++) {
      const spot = freeSpot(d, at(100, 100));
      for (const c of d.components) expect(apart(spot, c.position!)).toBe(true);
      d = design(...d.components.map((c) => c.position!), spot);
    }
  });
});

describe('auto-layout', () => {
  it('puts traffic left to right: each component right of every caller', () => {
    const positions = layoutPositions(checkoutExample);
    expect(positions['users']!.x).toBeLessThan(positions['api']!.x);
    expect(positions['api']!.x).toBeLessThan(positions['db']!.x);
  });

  it('leaves no two components overlapping, on every example', () => {
    for (const template of DESIGN_TEMPLATES) {
      const positions = Object.values(layoutPositions(template.design));
      positions.forEach((a, i) => positions.slice(i + 1).forEach((b) => expect(apart(a, b)).toBe(true)));
    }
  });

  it('knows a design with no positions, and lays it out', () => {
    const unplaced = { ...checkoutExample, components: checkoutExample.components.map(({ position: _p, ...c }) => c) };
    expect(lacksPositions(unplaced)).toBe(true);
    expect(lacksPositions(checkoutExample)).toBe(false);
    expect(lacksPositions(laidOut(unplaced))).toBe(false);
  });
});
