import { parentPort } from 'node:worker_threads';
import type { WorkOrder } from './messages.ts';
import { simulateOrder } from './simulate-order.ts';

// One worker thread: takes work orders one at a time and simulates them.
parentPort!.on('message', (order: WorkOrder) => simulateOrder(order, (message) => parentPort!.postMessage(message)));
