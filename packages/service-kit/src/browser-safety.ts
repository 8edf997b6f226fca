import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import { commonError } from './errors.ts';
import { sendProblem } from './problem-handler.ts';

/** Hosts a browser may name in `Host` when nothing else is configured: this machine only. */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The host names served (any port), or '*' for any: the loopback names and the configured `HOST`
 * the service listens on (a page elsewhere cannot make a browser send those), plus the names
 * `ALLOWED_HOSTS` lists, comma-separated (a deployment's own name).
 */
export function allowedHostsFrom(configured: string | undefined, host: string | undefined): string[] | '*' {
  if (configured?.trim() === '*') return '*';
  const listed = configured
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const named = [...LOOPBACK_HOSTS, ...(host ? [host.includes(':') ? `[${host}]` : host] : []), ...(listed ?? [])];
  return [...new Set(named.map((name) => name.toLowerCase()))];
}

/** The name part of a Host header: `[::1]:8080` → `[::1]`, `localhost:8080` → `localhost`. */
export function hostName(header: string): string {
  const name = header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : header.split(':')[0]!;
  return name.toLowerCase();
}

/**
 * What every answer carries for browsers: helmet's headers with a content security policy the
 * web app runs under (scripts and styles from the origin, no framing), and a refusal (421) of any
 * Host not allowed, so a page elsewhere cannot reach this service by DNS rebinding.
 */
export default fp<{ allowedHosts?: string[] | '*' }>(async (app, { allowedHosts = LOOPBACK_HOSTS }) => {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'frame-ancestors': ["'none'"],
        // Served over plain HTTP on a developer's machine; TLS belongs to whoever terminates it.
        'upgrade-insecure-requests': null,
      },
    },
    frameguard: { action: 'deny' },
    hsts: false,
  });
  if (allowedHosts === '*') return;
  const allowed = new Set(allowedHosts);
  app.addHook('onRequest', async (request, reply) => {
    const header = request.headers.host ?? '';
    if (allowed.has(hostName(header))) return;
    return sendProblem(
      reply,
      commonError(
        'MISDIRECTED_REQUEST',
        `The host ${JSON.stringify(header)} is not served here; allowed: ${[...allowed].join(', ')} (ALLOWED_HOSTS)`,
      ),
      request,
    );
  });
});
