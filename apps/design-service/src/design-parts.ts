// One part of a design read or changed on its own: a fault, a component's policies. An edit gives
// the whole changed design, because a part is only valid within its design (a fault's target must
// exist); the repository validates all of it before anything is written.
import { toJsonPointer, type Design, type Fault, type ResiliencePolicies } from '@faultline/schemas';
import { fail, ok } from '@faultline/service-kit';
import {
  componentNotFound,
  faultAlreadyExists,
  faultNotFound,
  invalidDesign,
  type DesignResult,
} from './design-failures.ts';

/** A design after an edit, and where in it the submitted body went: problems there are reported relative to it. */
export interface EditedDesign {
  design: Design;
  bodyPath?: string;
}

export type DesignEdit = (design: Design) => DesignResult<EditedDesign>;

export const addFault =
  (designId: string, fault: Fault): DesignEdit =>
  (design) => {
    if (design.faults.some((f) => f.id === fault.id)) return fail(faultAlreadyExists(designId, fault.id));
    const faults = [...design.faults, fault];
    return ok({ design: { ...design, faults }, bodyPath: toJsonPointer(['faults', faults.length - 1]) });
  };

export const replaceFault =
  (designId: string, fault: Fault): DesignEdit =>
  (design) => {
    const index = design.faults.findIndex((f) => f.id === fault.id);
    if (index < 0) return fail(faultNotFound(designId, fault.id));
    const faults = design.faults.map((f, i) => (i === index ? fault : f));
    return ok({ design: { ...design, faults }, bodyPath: toJsonPointer(['faults', index]) });
  };

export const removeFault =
  (designId: string, faultId: string): DesignEdit =>
  (design) => {
    if (!design.faults.some((f) => f.id === faultId)) return fail(faultNotFound(designId, faultId));
    return ok({ design: { ...design, faults: design.faults.filter((f) => f.id !== faultId) } });
  };

/** The fault as saved; the caller knows it is there, having just written it. */
export const savedFault = (design: Design, faultId: string): Fault => design.faults.find((f) => f.id === faultId)!;

/** A component's outgoing policies and inbound guards, read and replaced together. */
export function policiesOf(designId: string, design: Design, componentId: string): DesignResult<ResiliencePolicies> {
  const component = design.components.find((c) => c.id === componentId);
  if (!component) return fail(componentNotFound(designId, componentId));
  return ok({ resilience: component.resilience, inbound: component.kind === 'client' ? [] : component.inbound });
}

export const replacePolicies =
  (designId: string, componentId: string, { resilience, inbound }: ResiliencePolicies): DesignEdit =>
  (design) => {
    const index = design.components.findIndex((c) => c.id === componentId);
    const component = design.components[index];
    if (!component) return fail(componentNotFound(designId, componentId));
    if (component.kind === 'client' && inbound.length) {
      return fail(
        invalidDesign('A client has no inbound guards', [
          { path: '/inbound', message: 'must be empty: a client receives no calls' },
        ]),
      );
    }
    const updated = component.kind === 'client' ? { ...component, resilience } : { ...component, resilience, inbound };
    return ok({
      design: { ...design, components: design.components.map((c, i) => (i === index ? updated : c)) },
      bodyPath: toJsonPointer(['components', index]),
    });
  };
