// Generates the Prisma client for each provider (run by the root postinstall).
// PRISMA_SCHEMA_ENGINE_BINARY=/bin/false stops the CLI from downloading an engine it does not
// need for `generate` (the download cannot succeed on machines without internet).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const cli = require.resolve('prisma/build/index.js');
for (const provider of ['sqlite', 'postgresql']) {
  const schema = fileURLToPath(new URL(`../../../prisma/${provider}`, import.meta.url));
  execFileSync(process.execPath, [cli, 'generate', '--schema', schema], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/false',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  });
}
