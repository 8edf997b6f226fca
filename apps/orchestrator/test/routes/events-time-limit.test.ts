import { beforeAll, describe, expect, it } from 'vitest';
import { checkoutExample, type Run } from '@faultline/schemas';
import { busyCheckout, launch, useDesignService, useOrchestrator, waitFor } from '../helper.ts';

const STREAM_MAX_MS = 800;
const designs = useDesignService();
// One worker, held by a long run, so a second run stays queued for as long as the test needs.
const app = useOrchestrator(designs.url, { WORKERS: 1, STREAM_MAX_MS });
let base: string;
beforeAll(async () => {
  base = await app().listen({ host: '127.0.0.1', port: 0 });
});

/** The blocks of one stream, read until the server ends it, and how long that took. */
async function readStream(url: string): Promise<{ blocks: string[]; ms: number; headers: Headers }> {
  const started = Date.now();
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  return { blocks: text.split('\n\n').filter(Boolean), ms: Date.now() - started, headers: response.headers };
}

describe('GET /api/runs/:id/events on a run that waits', () => {
  it('closes the stream after STREAM_MAX_MS with a retry hint; a reconnect starts with the current state', async () => {
    // An hour at 2,000 requests/s: within the event limit, far longer than this test.
    const stored = await designs.create(busyCheckout(checkoutExample, 2_000));
    const busy = await launch(app(), { designId: stored.id, settings: { durationMs: 3_600_000 } });
    await waitFor(app(), busy.id, (r) => r.status === 'running');
    const waiting = await launch(app(), { designId: stored.id, settings: { durationMs: 10_000 } });

    const first = await readStream(`${base}/api/runs/${waiting.id}/events`);
    expect(first.ms).toBeGreaterThanOrEqual(STREAM_MAX_MS - 50);
    expect(first.ms).toBeLessThan(STREAM_MAX_MS + 3_000);
    expect(first.blocks[0]).toMatch(/^event: status\ndata: \{.*"status":"queued"/);
    expect(first.blocks.at(-1)).toMatch(/\nretry: \d+$/);
    // Every answer carries the security headers, the stream included.
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");

    // The client reconnects (as EventSource does after `retry`) and hears where the run is now.
    await app().inject({ method: 'POST', url: `/api/runs/${waiting.id}/cancel` });
    const again = await readStream(`${base}/api/runs/${waiting.id}/events`);
    expect(again.blocks).toHaveLength(1);
    const [eventLine, dataLine] = again.blocks[0]!.split('\n');
    expect(eventLine).toBe('event: status');
    expect((JSON.parse(dataLine!.slice('data: '.length)) as Run).status).toBe('cancelled');

    await app().inject({ method: 'POST', url: `/api/runs/${busy.id}/cancel` });
  });
});
