import { describe, expect, it } from 'vitest';
import type { Design } from '@faultline/schemas';
import { simulate } from '../index.ts';
import { chain, client, server, settings } from '../testing.test-helpers.ts';

// The engine against closed-form queueing results. Service rate μ = 1 per ms throughout.
//
// Tolerance from the run length: a queue's output is correlated over its relaxation time
// τ ≈ 1 / (cμ (1 − √ρ)²), so a run of T ms holds about T / 2τ independent observations and a
// mean has a relative standard error of about √(2τ / T) (times the coefficient of variation of
// what is averaged, at most a few for these queues). We allow four such errors.

const T = 1_000_000; // ms of simulated time per run

function tolerance(servers: number, rho: number, cv = 1.5): number {
  const tau = 1 / (servers * (1 - Math.sqrt(rho)) ** 2);
  return 4 * cv * Math.sqrt((2 * tau) / T);
}

function queue(
  servers: number,
  rho: number,
  serviceTime: Design['components'][number] extends never ? never : object,
  extra: object = {},
) {
  const design = chain([
    client,
    server('server', { concurrency: servers, serviceTime: serviceTime as never, ...extra }),
  ]);
  design.workload.arrival = { kind: 'poisson', ratePerSecond: rho * servers * 1000 };
  return simulate(design, settings({ durationMs: T, warmupMs: 10_000, seed: 3 }));
}

/** Little's law on one component: mean number present = arrival rate × mean time spent. */
function expectLittlesLaw(result: ReturnType<typeof simulate>, id: string, servers: number): void {
  const stats = result.components[id]!;
  const measured = T - 10_000;
  const present = stats.meanQueueLength + stats.utilisation * servers;
  const lambda = stats.requests / measured;
  expect(Math.abs(present - lambda * stats.latency.mean!) / present).toBeLessThan(0.02);
}

describe('queueing theory', () => {
  it.each([0.5, 0.8])('M/M/1 at load %s: W = 1 / (μ − λ)', (rho) => {
    const result = queue(1, rho, { kind: 'exponential', mean: 1 });
    const expected = 1 / (1 - rho);
    expect(Math.abs(result.latency.mean! - expected) / expected).toBeLessThan(tolerance(1, rho));
    expect(Math.abs(result.components.server!.utilisation - rho)).toBeLessThan(0.01);
    expectLittlesLaw(result, 'server', 1);
  });

  it('M/M/c (c = 4, ρ = 0.8): W = C(c, a) / (cμ − λ) + 1/μ (Erlang C)', () => {
    const c = 4;
    const rho = 0.8;
    const a = c * rho;
    let sum = 0;
    let term = 1;
    for (let k = 0; k < c; k++) {
      if (k > 0) term *= a / k;
      sum += term;
    }
    const last = (term * a) / c / (1 - rho);
    const erlangC = last / (sum + last);
    const expected = erlangC / (c - a) + 1;
    const result = queue(c, rho, { kind: 'exponential', mean: 1 });
    expect(Math.abs(result.latency.mean! - expected) / expected).toBeLessThan(tolerance(c, rho));
    expectLittlesLaw(result, 'server', c);
  });

  it('M/D/1 at ρ = 0.7: W = 1/μ + ρ / (2μ(1 − ρ)) (Pollaczek–Khinchine)', () => {
    const rho = 0.7;
    const expected = 1 + rho / (2 * (1 - rho));
    const result = queue(1, rho, { kind: 'constant', value: 1 });
    expect(Math.abs(result.latency.mean! - expected) / expected).toBeLessThan(tolerance(1, rho));
    expectLittlesLaw(result, 'server', 1);
  });

  it('M/M/1/K (K = 5, ρ = 0.9): blocking probability (1 − ρ)ρ^K / (1 − ρ^(K+1))', () => {
    const rho = 0.9;
    const K = 5;
    const expected = ((1 - rho) * rho ** K) / (1 - rho ** (K + 1));
    // K places in the system: one in service, K − 1 waiting.
    const result = queue(1, rho, { kind: 'exponential', mean: 1 }, { queueCapacity: K - 1 });
    const blocked = (result.totals.failedByKind.overloaded ?? 0) / result.totals.requests;
    expect(Math.abs(blocked - expected) / expected).toBeLessThan(tolerance(1, 0.5, 3));
  });

  it('closed loop: response time R = N / X − Z (interactive response time law)', () => {
    const users = 20;
    const think = 10;
    const design = chain([client, server('server', { concurrency: 1, serviceTime: { kind: 'exponential', mean: 1 } })]);
    design.workload.arrival = { kind: 'closed', users, thinkTime: { kind: 'exponential', mean: think } };
    const result = simulate(design, settings({ durationMs: T, warmupMs: 10_000, seed: 5 }));
    const throughput = result.totals.requests / (T - 10_000); // per ms
    const expected = users / throughput - think;
    expect(Math.abs(result.latency.mean! - expected) / expected).toBeLessThan(0.02);
    // Saturated at about one per ms.
    expect(result.components.server!.utilisation).toBeGreaterThan(0.95);
    expectLittlesLaw(result, 'server', 1);
  });
});
