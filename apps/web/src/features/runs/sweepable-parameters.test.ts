import { describe, expect, it } from 'vitest';
import type { DesignInput } from '@faultline/schemas';
import { sweepableParameters } from './LaunchDialog.tsx';

describe('sweepable parameters', () => {
  it("offers each per-request fault's probability and the arrival rate, not a crash's probability", () => {
    const target = { component: 'db' };
    const design: DesignInput = {
      name: 'd',
      components: [],
      connections: [],
      faults: [
        { id: 'crash', name: 'Crash', target, type: 'crash' },
        { id: 'errors', name: 'Errors', target, type: 'error', params: { errorTypes: ['internal-error'] } },
        {
          id: 'leak',
          name: 'Leak',
          target,
          type: 'resource-exhaustion',
          params: { resource: 'memory', intensity: 0.5 },
        },
        { id: 'busy', name: 'Busy', target, type: 'resource-exhaustion', params: { resource: 'cpu', intensity: 0.5 } },
      ],
      workload: { entry: 'users', arrival: { kind: 'poisson', ratePerSecond: 100 } },
    };
    expect(sweepableParameters(design)).toEqual([
      { pointer: '/faults/1/schedule/probability', label: 'Errors: probability' },
      { pointer: '/faults/3/schedule/probability', label: 'Busy: probability' },
      { pointer: '/workload/arrival/ratePerSecond', label: 'Arrival rate (requests per second)' },
    ]);
  });
});
