import { vi } from 'vitest';

type Handler = (request: Request) => unknown;

/**
 * The services as the browser sees them, for component tests: JSON answers by method and path
 * (query included when the route names one), and server-sent event streams the test writes to.
 * Call `restore` afterwards (or use `vi.unstubAllGlobals`).
 */
export function fakeServer(routes: Record<string, Handler>) {
  const streams: FakeEventSource[] = [];

  class FakeEventSource extends EventTarget {
    closed = false;
    constructor(readonly url: string) {
      super();
      streams.push(this);
    }
    close() {
      this.closed = true;
    }
    /** The server sends one event on this stream. */
    send(type: string, data: unknown) {
      this.dispatchEvent(new MessageEvent(type, { data: JSON.stringify(data) }));
    }
  }

  // RTK Query builds a Request from a path relative to the page; Node's Request needs an
  // absolute URL and rejects jsdom's AbortSignal, so both are adapted here.
  const NodeRequest = globalThis.Request;
  class PageRequest extends NodeRequest {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(typeof input === 'string' ? new URL(input, window.location.origin) : input, { ...init, signal: null });
    }
  }

  const requests: string[] = [];
  const fetch = vi.fn(async (input: Request) => {
    const url = new URL(input.url);
    const withQuery = `${input.method} ${url.pathname}${url.search}`;
    requests.push(withQuery);
    const handler = routes[withQuery] ?? routes[`${input.method} ${url.pathname}`];
    if (!handler) return Response.json({ title: 'Not Found', status: 404, code: 'NOT_FOUND' }, { status: 404 });
    return Response.json(handler(input));
  });

  vi.stubGlobal('Request', PageRequest);
  vi.stubGlobal('fetch', fetch);
  vi.stubGlobal('EventSource', FakeEventSource);
  return {
    /** Every request made, as `METHOD /path?query`. */
    requests,
    /** The event streams opened so far, first to last. */
    streams,
    /** The streams on `path` still open. */
    openStreams(path: string): FakeEventSource[] {
      return streams.filter((s) => !s.closed && new URL(s.url, window.location.origin).pathname === path);
    },
    /** The one stream on `path` still open. */
    stream(path: string): FakeEventSource {
      const [found, ...others] = this.openStreams(path);
      if (!found || others.length) throw new Error(`expected one open event stream for ${path}`);
      return found;
    },
    restore: () => vi.unstubAllGlobals(),
  };
}
