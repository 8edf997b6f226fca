import { describe, expect, it } from 'vitest';
import type { Design } from './design.ts';
import { validateDesign } from './design.ts';
import { DESIGN_TEMPLATES } from './templates.ts';

// The reference architectures: real systems, their request mix as request classes. What is
// checked here is structure against the sources named in each description; the engine's run of
// each is checked in packages/runs (templates.test.ts).

function parsed(id: string): Design {
  const template = DESIGN_TEMPLATES.find((t) => t.id === id);
  if (!template) throw new Error(`no template ${id}`);
  const validation = validateDesign(template.design);
  if (!validation.success) throw new Error(JSON.stringify(validation.issues));
  return validation.design;
}

/** The workload's request classes as `id: weight`. */
function mix(design: Design): Record<string, number> {
  const client = design.components.find((c) => c.id === design.workload.entry)!;
  return Object.fromEntries((client.operations ?? []).map((o) => [o.id, ('weight' in o ? o.weight : undefined) ?? 1]));
}

const operationOf = (design: Design, component: string, operation: string) =>
  design.components.find((c) => c.id === component)?.operations?.find((o) => o.id === operation);

const REFERENCES = {
  'online-boutique': {
    sources: ['microservices-demo', 'handlers.go', 'checkoutservice/main.go', 'load generator'],
    // src/loadgenerator/locustfile.py
    mix: { index: 1, 'set-currency': 2, 'browse-product': 10, 'add-to-cart': 2, 'view-cart': 3, checkout: 1 },
  },
  'deathstarbench-hotel-reservation': {
    sources: ['DeathStarBench', 'wrk2'],
    // wrk2/scripts/hotel-reservation/mixed-workload_type_1.lua
    mix: { search: 0.6, recommend: 0.39, login: 0.005, reserve: 0.005 },
  },
  'deathstarbench-social-network': {
    sources: ['DeathStarBench', 'ComposePostHandler.h', 'wrk2'],
    // wrk2/scripts/social-network/mixed-workload.lua
    mix: { 'read-home-timeline': 0.6, 'read-user-timeline': 0.3, 'compose-post': 0.1 },
  },
} as const;

describe('reference architecture templates', () => {
  for (const [id, reference] of Object.entries(REFERENCES)) {
    describe(id, () => {
      const design = parsed(id);
      const template = DESIGN_TEMPLATES.find((t) => t.id === id)!;

      it('is valid, names its sources, and has a fault to tell its story', () => {
        for (const source of reference.sources) expect(template.description).toContain(source);
        expect(template.description).not.toContain('\n');
        expect(design.faults.length).toBeGreaterThan(0);
      });

      it("weighs its request classes as the source's load generator does", () => {
        expect(mix(design)).toEqual(reference.mix);
      });

      it('sets SLO targets for classes of its own mix', () => {
        const targets = Object.keys(design.slo.classes ?? {});
        expect(targets.length).toBeGreaterThan(0);
        for (const target of targets) expect(Object.keys(reference.mix)).toContain(target);
      });

      it('asks for every operation it declares: none is left unreachable', () => {
        const asked = new Set<string>();
        const connections = new Map(design.connections.map((c) => [c.id, c]));
        for (const component of design.components) {
          const calls = [...component.calls, ...(component.operations ?? []).flatMap((o) => o.calls)];
          for (const call of calls) {
            const target = design.components.find((c) => c.id === connections.get(call.connection)!.target)!;
            asked.add(`${target.id}/${call.operation ?? target.operations?.[0]?.id ?? 'default'}`);
          }
        }
        for (const component of design.components) {
          if (component.kind === 'client') continue;
          for (const operation of component.operations ?? [])
            expect(asked).toContain(`${component.id}/${operation.id}`);
        }
      });

      it('puts each cache in front of a store it calls on a miss', () => {
        const caches = design.components.filter((c) => c.kind === 'cache');
        for (const cache of caches) {
          const calls = [...cache.calls, ...(cache.operations ?? []).flatMap((o) => o.calls)];
          expect(calls.some((c) => c.onMiss)).toBe(true);
        }
      });
    });
  }

  it('Online Boutique: checkout sends the e-mail and empties the cart as optional calls, after shipping', () => {
    const design = parsed('online-boutique');
    const placeOrder = design.components.find((c) => c.id === 'checkout')!.operations![0]!;
    const steps = placeOrder.calls.map((c) => `${c.connection}/${c.operation ?? ''}:${c.required}`);
    expect(steps.slice(-4)).toEqual([
      'checkout-payment/:true',
      'checkout-shipping/ship-order:true',
      'checkout-cart/empty-cart:false',
      'checkout-email/:false',
    ]);
    // A closed loop, as Locust runs its users: 1 to 10 s of thinking between tasks.
    expect(design.workload.arrival).toMatchObject({ kind: 'closed', thinkTime: { min: 1_000, max: 10_000 } });
  });

  it('Hotel Reservation: rates come from memcached, then MongoDB on a miss', () => {
    const design = parsed('deathstarbench-hotel-reservation');
    const cache = design.components.find((c) => c.id === 'memcached-rate')!;
    expect(cache.kind).toBe('cache');
    const miss = cache.calls.find((c) => c.onMiss)!;
    expect(design.connections.find((c) => c.id === miss.connection)!.target).toBe('mongodb-rate');
    expect(operationOf(design, 'frontend', 'search-hotels')!.calls.map((c) => c.connection)).toEqual([
      'frontend-search',
      'frontend-reservation',
      'frontend-profile',
    ]);
  });

  it('Social Network: compose runs text, user, media and unique id at once, then the three writes at once', () => {
    const design = parsed('deathstarbench-social-network');
    const compose = design.components.find((c) => c.id === 'compose-post')!;
    const groups = compose.calls.map((c) => `${c.parallelGroup}:${c.connection}`);
    expect(groups).toEqual([
      'compose:compose-text',
      'compose:compose-user',
      'compose:compose-media',
      'compose:compose-unique-id',
      'store:compose-post-storage',
      'store:compose-user-timeline',
      'store:compose-home-timeline',
    ]);
    expect(operationOf(design, 'home-timeline', 'write')!.calls[0]!.connection).toBe('home-timeline-social-graph');
  });
});
