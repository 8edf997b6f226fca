import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// The real stack on a throw-away SQLite file: the gateway starts the design service and the
// orchestrator, and serves the built web app (`pnpm e2e` builds it first).
const port = Number(process.env.E2E_PORT ?? 8095);
const database = join(mkdtempSync(join(tmpdir(), 'faultline-e2e-')), 'faultline.db');
// Debian's Chromium where it is installed (these machines); Playwright's own download elsewhere.
const chromium = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: './specs',
  outputDir: '../test-results',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  timeout: 90_000,
  reporter: [
    ['list'],
    ['json', { outputFile: '../.reports/playwright.json' }],
    ['html', { outputFolder: '../playwright-report', open: 'never' }],
  ],
  use: {
    baseURL: `http://localhost:${port}`,
    viewport: { width: 1280, height: 800 },
    trace: 'on-first-retry',
    screenshot: 'on',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node --import tsx apps/gateway/src/server.ts',
    cwd: '..',
    url: `http://localhost:${port}/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: { PORT: String(port), DATABASE_URL: `file:${database}`, LOG_LEVEL: 'warn', WORKERS: '1' },
  },
});
