import { describe, expect, it } from 'vitest';
import { checkoutExample } from '@faultline/schemas';
import { allowedHostsFrom } from '@faultline/service-kit';
import { head, RawConnection } from './raw-http.ts';
import { useStack } from './stack.ts';

const stack = useStack({}, { WORKERS: '1' });
const json = { 'content-type': 'application/json' };
const DESIGN_LIMIT = 1024 * 1024;

async function problemOf(response: Response): Promise<{ status: number; code: string; detail: string }> {
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await response.json()) as { status: number; code: string; detail: string };
}

describe('Expect: 100-continue and bodies past the limit', () => {
  it('asks for a body within the limit and forwards it; refuses one past it with 413 before it is sent', async () => {
    const body = JSON.stringify(checkoutExample);
    const small = await RawConnection.open(stack().port);
    small.write(
      head('POST', '/api/designs', { ...json, 'content-length': Buffer.byteLength(body), expect: '100-continue' }),
    );
    await small.waitFor(/^HTTP\/1\.1 100 Continue\r\n\r\n/);
    small.write(body);
    await small.waitFor(/HTTP\/1\.1 201 Created/);
    small.close();

    const large = await RawConnection.open(stack().port);
    large.write(head('POST', '/api/designs', { ...json, 'content-length': DESIGN_LIMIT + 1, expect: '100-continue' }));
    await large.waitFor(/\}$/);
    expect(large.text).not.toContain('100 Continue');
    expect(large.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(large.text).toMatch(/content-type: application\/problem\+json/i);
    // The body will never be read: the connection is closed rather than left waiting for it.
    expect(large.text).toMatch(/connection: close/i);
    large.close();
  });

  it('answers a body sent past the limit with 413 problem+json, and the next request is answered at once', async () => {
    const oversize = 'x'.repeat(DESIGN_LIMIT + 10);
    const refused = await fetch(`${stack().origin}/api/designs`, { method: 'POST', headers: json, body: oversize });
    expect(refused.status).toBe(413);
    expect(await problemOf(refused)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    // The orchestrator's own, smaller limit is the one that applies to run requests.
    const run = await fetch(`${stack().origin}/api/runs`, {
      method: 'POST',
      headers: json,
      body: 'x'.repeat(65 * 1024),
    });
    expect(run.status).toBe(413);
    expect(await problemOf(run)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    // Chunked, with no length announced: counted as it comes.
    const chunked = await fetch(`${stack().origin}/api/designs`, {
      method: 'POST',
      headers: json,
      body: new Blob([oversize]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    const next = await fetch(`${stack().origin}/api/designs`, { signal: AbortSignal.timeout(3_000) });
    expect(next.status).toBe(200);
  });
});

describe('security headers and allowed hosts', () => {
  it('sends the security headers on every answer: the web app, the API, problems, health, the services', async () => {
    const { origin, designService, orchestrator } = stack();
    const urls = [
      `${origin}/`,
      `${origin}/designs/some-id`,
      `${origin}/health`,
      `${origin}/api/designs`,
      `${origin}/api/nothing`,
      `${origin}/api/runs/nope`,
      `${origin}/docs/json`,
      `${designService.url}/api/designs`,
      `${orchestrator.url}/api/runs`,
    ];
    for (const url of urls) {
      const { headers } = await fetch(url);
      expect(headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(headers.get('content-security-policy'), url).toMatch(/frame-ancestors 'none'/);
      expect(headers.get('content-security-policy'), url).toMatch(/script-src 'self'/);
      expect(headers.get('x-frame-options'), url).toBe('DENY');
      expect(headers.get('referrer-policy'), url).toBe('no-referrer');
    }
  });

  it('answers 421 problem+json to a Host not allowed, at the gateway and at each service', async () => {
    const { port, designService, orchestrator } = stack();
    for (const target of [port, Number(new URL(designService.url).port), Number(new URL(orchestrator.url).port)]) {
      const rebound = await RawConnection.open(target);
      rebound.write(head('DELETE', '/api/designs/anything', { host: 'attacker.example:8080', 'content-length': 0 }));
      await rebound.waitFor(/\}$/);
      expect(rebound.text).toMatch(/^HTTP\/1\.1 421 /);
      expect(rebound.text).toMatch(/content-type: application\/problem\+json/i);
      expect(rebound.text).toContain('"code":"MISDIRECTED_REQUEST"');
      rebound.close();
    }
    for (const host of ['localhost:1234', '127.0.0.1', '[::1]:8080', 'LOCALHOST']) {
      const served = await RawConnection.open(port);
      served.write(head('GET', '/health', { host }));
      await served.waitFor(/\}$/);
      expect(served.text, host).toMatch(/^HTTP\/1\.1 200 /);
      served.close();
    }
  });

  it('serves loopback names, the configured HOST and those ALLOWED_HOSTS lists, at any port', () => {
    expect(allowedHostsFrom(undefined, '0.0.0.0')).toEqual(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);
    expect(allowedHostsFrom(undefined, '::1')).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(allowedHostsFrom(' Faultline.example , gateway ', '127.0.0.1')).toEqual([
      'localhost',
      '127.0.0.1',
      '[::1]',
      'faultline.example',
      'gateway',
    ]);
    expect(allowedHostsFrom('*', '127.0.0.1')).toBe('*');
  });
});

describe("the gateway's own errors", () => {
  it('answers an encoded slash that climbs out, a query past 16 KiB and JSON sent as text as problem+json', async () => {
    const { origin, designService } = stack();
    const climbing = await fetch(`${origin}/api/designs/x%2F..%2F..%2Fhealth`);
    expect(climbing.status).toBe(400);
    await problemOf(climbing);

    const longQuery = await fetch(`${origin}/api/designs?q=${'a'.repeat(20_000)}`);
    expect(longQuery.status).toBe(431);
    expect(await problemOf(longQuery)).toMatchObject({ code: 'HEADERS_TOO_LARGE' });

    // JSON as text/plain: 415 from the gateway and from the service alike.
    for (const base of [origin, designService.url]) {
      const asText = await fetch(`${base}/api/designs`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify(checkoutExample),
      });
      expect(asText.status, base).toBe(415);
      expect(await problemOf(asText)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    }
  });
});

describe('event streams through the gateway', () => {
  it('keeps serving other run requests while 130 streams are open', async () => {
    const { origin } = stack();
    const busy = {
      ...checkoutExample,
      workload: { ...checkoutExample.workload!, arrival: { kind: 'poisson' as const, ratePerSecond: 2_000 } },
    };
    const design = (await (
      await fetch(`${origin}/api/designs`, { method: 'POST', headers: json, body: JSON.stringify(busy) })
    ).json()) as { id: string };
    const launched = await fetch(`${origin}/api/runs`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ designId: design.id, settings: { durationMs: 86_400_000 } }),
    });
    const { id } = (await launched.json()) as { id: string };
    const streams = new AbortController();
    try {
      const opened = await Promise.all(
        Array.from({ length: 130 }, () => fetch(`${origin}/api/runs/${id}/events`, { signal: streams.signal })),
      );
      expect(opened.every((r) => r.status === 200)).toBe(true);
      const started = Date.now();
      // With the streams on the shared pool this waited until a stream ended (minutes, here).
      const run = await fetch(`${origin}/api/runs/${id}`, { signal: AbortSignal.timeout(15_000) });
      expect(run.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(8_000);
    } finally {
      streams.abort();
      await fetch(`${origin}/api/runs/${id}/cancel`, { method: 'POST' });
    }
  }, 60_000);
});
