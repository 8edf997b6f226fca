import type { FieldIssue } from '@faultline/schemas';
import type { DomainFailure, Result } from '@faultline/service-kit';

/** Why a design, or a part of it, could not be read or changed. errors.ts maps each code to a status. */
export type DesignFailure = DomainFailure<
  | 'DESIGN_NOT_FOUND'
  | 'DESIGN_VERSION_CONFLICT'
  | 'FAULT_NOT_FOUND'
  | 'FAULT_ALREADY_EXISTS'
  | 'COMPONENT_NOT_FOUND'
  | 'VALIDATION_FAILED'
>;

export type DesignResult<T> = Result<T, DesignFailure>;

export const designNotFound = (id: string): DesignFailure => ({
  code: 'DESIGN_NOT_FOUND',
  detail: `Design "${id}" does not exist`,
});

export const versionConflict = (id: string, current: number, expected: number): DesignFailure => ({
  code: 'DESIGN_VERSION_CONFLICT',
  detail: `Design "${id}" is at version ${current}, not ${expected}: it was changed since you read it. Reload it and apply your change again.`,
});

export const faultNotFound = (designId: string, faultId: string): DesignFailure => ({
  code: 'FAULT_NOT_FOUND',
  detail: `Design "${designId}" has no fault "${faultId}"`,
});

export const faultAlreadyExists = (designId: string, faultId: string): DesignFailure => ({
  code: 'FAULT_ALREADY_EXISTS',
  detail: `Design "${designId}" already has a fault "${faultId}"`,
});

export const componentNotFound = (designId: string, componentId: string): DesignFailure => ({
  code: 'COMPONENT_NOT_FOUND',
  detail: `Design "${designId}" has no component "${componentId}"`,
});

/** The design, or the part sent, breaks a rule; `errors` names every failing field. */
export const invalidDesign = (detail: string, errors: FieldIssue[]): DesignFailure => ({
  code: 'VALIDATION_FAILED',
  detail,
  errors,
});
