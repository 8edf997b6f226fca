import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StoredDesign } from '@faultline/schemas';
import { appError } from '../../../errors.ts';

/**
 * Writes to part of a design may send `If-Match: "<version>"`, the version they were based on;
 * a stale one gets 409. Without it the part is changed on the latest version.
 */
export function expectedVersion(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(String(header).trim());
  if (!match) {
    throw appError('VALIDATION_FAILED', 'If-Match must be a design version such as "3"', [
      { path: '/headers/if-match', message: 'must be a design version such as "3"' },
    ]);
  }
  return Number(match[1]);
}

/**
 * The one place the ETag is set: every answer that read or wrote a design carries its version, the
 * one a client must send back (as `version` or `If-Match`) when it next writes.
 */
export function withVersion(reply: FastifyReply, design: StoredDesign): StoredDesign {
  reply.header('etag', `"${design.version}"`);
  return design;
}
