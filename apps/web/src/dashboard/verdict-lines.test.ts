import { describe, expect, it } from 'vitest';
import { chaosResult } from '../test/results.ts';
import { faultLines, overallLine } from './verdict-lines.ts';

describe('verdict lines', () => {
  it('a fault still active at the end that never recovered says so, with its reason and what it caused', () => {
    const result = chaosResult();
    result.faultWindows[0] = {
      ...result.faultWindows[0]!,
      endMs: null,
      state: 'not-recovered',
      reason: 'still active at the end of the run',
    };
    expect(faultLines(result)[0]!.text).toBe(
      'Orders DB outage (from 60 s): not recovered: still active at the end of the run; 300 failures caused',
    );
  });

  it('a fault with no impact that still failed a few requests does not call itself absorbed', () => {
    const result = chaosResult();
    result.faultWindows[1] = { ...result.faultWindows[1]!, failuresCaused: 3, availability: 0.9995 };
    expect(faultLines(result)[1]!.text).toBe(
      "Price cache unreachable (whole run): within the SLO: 3 failures caused, availability 99.95 % stayed within the run's SLO (fallback served 1,438)",
    );
  });

  it('a fault a fallback absorbed is credited with the requests the fallback answered because of it', () => {
    const result = chaosResult();
    result.faultWindows[1] = { ...result.faultWindows[1]!, degradedCaused: 0 };
    expect(faultLines(result)[1]!.text).toBe('Price cache unreachable (whole run): absorbed, no failures caused');
    expect(faultLines(chaosResult())[1]!.text).toBe(
      'Price cache unreachable (whole run): absorbed, no failures caused (fallback served 1,438)',
    );
  });

  it('a run that held every target says so and how many, with its grade and how it was reached', () => {
    const result = chaosResult();
    result.slo = {
      passed: true,
      verdicts: { availability: { target: 'availability', threshold: 0.99, measured: 0.995, status: 'pass' } },
    };
    expect(overallLine(result)).toBe(
      'Every SLO target held (1 target) · grade A: 1 recovered + 1 no impact of 2 exercised faults (100 %)',
    );
  });

  it('a failing target with a reason gives it', () => {
    const result = chaosResult();
    result.slo.verdicts.mttrMs = {
      target: 'mttrMs',
      threshold: 30_000,
      measured: 2_100,
      status: 'fail',
      reason: '"Orders DB outage" did not recover',
    };
    expect(overallLine(result)).toContain('MTTR 2.1 s against ≤ 30.0 s ("Orders DB outage" did not recover)');
  });
});
