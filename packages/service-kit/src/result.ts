import type { FieldIssue } from '@faultline/schemas';

/**
 * Why a domain operation did not happen, in the domain's words: a scoped code (DESIGN_NOT_FOUND),
 * a sentence for a person and the fields at fault. It carries no status: each service's error
 * table maps the code to one, so repositories and checks stay free of HTTP.
 */
export interface DomainFailure<Code extends string = string> {
  readonly code: Code;
  readonly detail: string;
  readonly errors?: FieldIssue[];
}

/** What a repository or a check gives back: its value, or the failure that stopped it. */
export type Result<T, F extends DomainFailure = DomainFailure> = { ok: true; value: T } | { ok: false; failure: F };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <F extends DomainFailure>(failure: F): { ok: false; failure: F } => ({ ok: false, failure });
