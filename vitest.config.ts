import { defineConfig } from 'vitest/config';

// One project per package; the design service runs twice, once per database provider.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'schemas', root: 'packages/schemas', include: ['src/**/*.test.ts'] } },
      { test: { name: 'sim-engine', root: 'packages/sim-engine', include: ['src/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'runs', root: 'packages/runs', include: ['src/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'workers', root: 'packages/workers', include: ['src/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'db', root: 'packages/db', include: ['test/**/*.test.ts'], testTimeout: 60_000 } },
      {
        test: {
          name: 'design-service:sqlite',
          root: 'apps/design-service',
          include: ['test/**/*.test.ts'],
          env: { TEST_DATABASE_PROVIDER: 'sqlite' },
        },
      },
      {
        test: {
          name: 'design-service:postgresql',
          root: 'apps/design-service',
          include: ['test/**/*.test.ts'],
          env: { TEST_DATABASE_PROVIDER: 'postgresql' },
        },
      },
      {
        test: {
          name: 'orchestrator:sqlite',
          root: 'apps/orchestrator',
          include: ['test/**/*.test.ts'],
          env: { TEST_DATABASE_PROVIDER: 'sqlite' },
          testTimeout: 90_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'orchestrator:postgresql',
          root: 'apps/orchestrator',
          include: ['test/**/*.test.ts'],
          env: { TEST_DATABASE_PROVIDER: 'postgresql' },
          testTimeout: 90_000,
          hookTimeout: 60_000,
        },
      },
      { test: { name: 'web', root: 'apps/web', include: ['src/**/*.test.{ts,tsx}'] } },
      { test: { name: 'cli', root: 'apps/cli', include: ['test/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'gateway', root: 'apps/gateway', include: ['test/**/*.test.ts'], testTimeout: 30_000 } },
      { test: { name: 'repo', root: '.', include: ['test/**/*.test.ts'] } },
    ],
  },
});
