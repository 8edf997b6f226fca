// Prints a hash of the results of a few designs: refactoring the engine for speed must leave it
// unchanged (run before and after, compare).
import { createHash } from 'node:crypto';
import { checkoutExample, DesignSchema, everythingExample, type Design } from '@faultline/schemas';
import { simulate } from '../src/index.ts';
import { mm1Design, referenceDesign } from './workloads.ts';

const fingerprint = (design: Design, durationMs: number) =>
  createHash('sha256')
    .update(
      JSON.stringify(
        simulate(design, { durationMs, warmupMs: 1000, seed: 3, replications: 1, scenario: { kind: 'single' } }),
      ),
    )
    .digest('hex')
    .slice(0, 16);

console.log(
  [
    fingerprint(referenceDesign(2000), 20_000),
    fingerprint(mm1Design(0.8), 60_000),
    fingerprint(DesignSchema.parse(checkoutExample), 60_000),
    fingerprint(DesignSchema.parse(everythingExample), 60_000),
  ].join(' '),
);
