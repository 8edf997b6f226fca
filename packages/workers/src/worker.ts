import { parentPort } from 'node:worker_threads';
import type { PartOrder } from './messages.ts';
import { simulatePart } from './simulate-part.ts';

// One worker thread: takes parts one at a time and simulates them.
parentPort!.on('message', (order: PartOrder) => simulatePart(order, (message) => parentPort!.postMessage(message)));
// Loaded (the engine compiled and imported): the pool may count this thread as warm.
parentPort!.postMessage({ type: 'ready' });
