import { beforeAll, describe, expect, it } from 'vitest';
import { checkoutExample, type Run, type RunProgress } from '@faultline/schemas';
import { busyCheckout, launch, useDesignService, useOrchestrator } from '../helper.ts';

const designs = useDesignService();
const app = useOrchestrator(designs.url);
let base: string;
beforeAll(async () => {
  base = await app().listen({ host: '127.0.0.1', port: 0 });
});

interface ServerEvent {
  event: string;
  data: unknown;
}

/** Reads a whole event stream over real HTTP until the server ends it. */
async function readEvents(url: string): Promise<{ contentType: string | null; events: ServerEvent[] }> {
  const response = await fetch(url);
  const text = await response.text();
  const events = text
    .split('\n\n')
    .filter((block) => block.startsWith('event:'))
    .map((block) => {
      const [eventLine, dataLine] = block.split('\n');
      return { event: eventLine!.slice('event: '.length), data: JSON.parse(dataLine!.slice('data: '.length)) };
    });
  return { contentType: response.headers.get('content-type'), events };
}

describe('GET /api/runs/:id/events', () => {
  it('streams the status, progress as the run goes, then the final status, and ends', async () => {
    const stored = await designs.create(busyCheckout(checkoutExample, 1_000));
    const run = await launch(app(), { designId: stored.id, settings: { durationMs: 600_000, seed: 5 } });
    const { contentType, events } = await readEvents(`${base}/api/runs/${run.id}/events`);
    expect(contentType).toBe('text/event-stream; charset=utf-8');

    const statuses = events.filter((e) => e.event === 'status').map((e) => (e.data as Run).status);
    expect(statuses[0]).toMatch(/queued|running/);
    expect(statuses.at(-1)).toBe('succeeded');
    expect(events.at(-1)!.event).toBe('status');

    const progress = events.filter((e) => e.event === 'progress').map((e) => e.data as RunProgress);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.every((p, i) => i === 0 || p.percent >= progress[i - 1]!.percent)).toBe(true);
    expect(progress.some((p) => p.percent > 0 && p.percent < 100)).toBe(true);
    expect((events.at(-1)!.data as Run).progress.percent).toBe(100);
  });

  it('ends at once with the final status when the run has already finished', async () => {
    const stored = await designs.create(checkoutExample);
    const run = await launch(app(), { designId: stored.id, settings: { durationMs: 10_000 } });
    await readEvents(`${base}/api/runs/${run.id}/events`);
    const { events } = await readEvents(`${base}/api/runs/${run.id}/events`);
    expect(events.map((e) => [e.event, (e.data as Run).status])).toEqual([['status', 'succeeded']]);
  });

  it('answers 404 as problem+json for an unknown run', async () => {
    const response = await fetch(`${base}/api/runs/nope/events`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
