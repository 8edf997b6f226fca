import { Worker } from 'node:worker_threads';

/** Longest a YAML import may take to parse; past it the thread is stopped and the import refused. */
export const YAML_PARSE_TIME_LIMIT_MS = 10_000;

export type YamlParse = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Parses YAML in a worker thread with a time and heap limit, one text at a time (imports wait
 * their turn). Even shallow YAML is slow to parse (hundreds of kilobytes take seconds), and on the
 * event loop that would stall every request, health included; here it delays only imports. The
 * thread is kept between imports (starting one costs about a second) and replaced when a parse
 * runs out of time or memory.
 */
export function yamlParser(timeLimitMs = YAML_PARSE_TIME_LIMIT_MS) {
  let worker: Worker | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const thread = () => {
    if (!worker) {
      worker = new Worker(new URL('./yaml-parse-worker.mjs', import.meta.url), {
        resourceLimits: { maxOldGenerationSizeMb: 256 },
      });
      worker.unref();
    }
    return worker;
  };
  const discard = (stale: Worker) => {
    if (worker === stale) worker = undefined;
    void stale.terminate();
  };

  const parseNow = (text: string) =>
    new Promise<YamlParse>((resolve) => {
      const current = thread();
      const finish = (answer: YamlParse) => {
        clearTimeout(timer);
        current.off('message', finish);
        current.off('error', failed);
        resolve(answer);
      };
      const failed = (error: Error) => {
        discard(current);
        finish({ ok: false, message: error.message });
      };
      const timer = setTimeout(() => {
        discard(current);
        finish({ ok: false, message: `it took longer than ${timeLimitMs / 1000} s to read` });
      }, timeLimitMs);
      current.on('message', finish);
      current.on('error', failed);
      current.postMessage(text);
    });

  return {
    parse(text: string): Promise<YamlParse> {
      const turn = queue.then(() => parseNow(text));
      queue = turn;
      return turn;
    },
    async close(): Promise<void> {
      if (worker) await worker.terminate();
      worker = undefined;
    },
  };
}
