import type { Defence, Design } from '@faultline/schemas';

/** One resilience policy of a design, and the same design without it. */
export interface PolicyVariant {
  policy: Defence['policy'];
  without: Design;
}

/**
 * Every resilience policy of the design in design order (each component's `resilience`, then
 * its `inbound` guards), the order of the engine's `policies[]`, each with a copy of the design
 * that lacks only that policy. Removing a policy never makes a parsed design invalid: nothing
 * else refers to it.
 */
export function policyVariants(design: Design): PolicyVariant[] {
  const variants: PolicyVariant[] = [];
  design.components.forEach((component, at) => {
    component.resilience.forEach((policy, index) => {
      variants.push({
        policy: { component: component.id, type: policy.type, connection: policy.connection ?? null },
        without: withComponent(design, at, (c) => ({
          ...c,
          resilience: c.resilience.filter((_, i) => i !== index),
        })),
      });
    });
    if (!('inbound' in component)) return;
    component.inbound.forEach((policy, index) => {
      variants.push({
        policy: { component: component.id, type: policy.type, connection: null },
        without: withComponent(design, at, (c) =>
          'inbound' in c ? { ...c, inbound: c.inbound.filter((_, i) => i !== index) } : c,
        ),
      });
    });
  });
  return variants;
}

type Component = Design['components'][number];

function withComponent(design: Design, at: number, change: (c: Component) => Component): Design {
  return { ...design, components: design.components.map((c, i) => (i === at ? change(c) : c)) };
}
