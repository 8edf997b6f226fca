import type { Socket } from 'node:net';
import { toProblem } from './problem-handler.ts';
import { commonError } from './errors.ts';
import type { CommonErrorCode } from './errors.ts';

/** Node's HTTP parser errors, by code, as the problems they are. */
const PARSER_CODES: Record<string, CommonErrorCode> = {
  HPE_HEADER_OVERFLOW: 'HEADERS_TOO_LARGE',
  ERR_HTTP_REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
};

/**
 * Fastify's `clientErrorHandler`: a request Node cannot even parse (a query or headers past
 * Node's 16 KiB, a malformed request line) is answered as problem+json like every other error,
 * then the connection is closed, since nothing more can be read from it.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code = PARSER_CODES[error.code ?? ''] ?? 'BAD_REQUEST';
  const problem = commonError(code, code === 'BAD_REQUEST' ? 'The request cannot be parsed as HTTP' : error.message);
  const body = JSON.stringify(toProblem(problem, ''));
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${problem.status} ${problem.title}\r\n` +
        'Content-Type: application/problem+json\r\n' +
        'X-Content-Type-Options: nosniff\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  socket.destroy();
}
