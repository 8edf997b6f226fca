// Parses YAML texts off the service's event loop (see yaml-parse.ts), one message at a time:
// plain JavaScript, so the thread needs no TypeScript loader.
import { parentPort } from 'node:worker_threads';
import { parse } from 'yaml';

parentPort.on('message', (text) => {
  try {
    parentPort.postMessage({ ok: true, value: parse(text, { maxAliasCount: 100 }) });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
