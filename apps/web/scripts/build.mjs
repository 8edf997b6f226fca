// Builds the web app into apps/web/dist for the gateway to serve (`pnpm start` runs it first).
import { build } from 'vite';

await build({ root: new URL('..', import.meta.url).pathname, logLevel: 'warn' });
