import { defineConfig } from '@playwright/test';

/**
 * Browser tests of the example app (packages/app/e2e-tests), in Debian's Chromium: Playwright
 * never downloads a browser here. `scripts/e2e.sh` installs Chromium, starts the local clusters
 * and the app, and runs these; to run them against an app you started yourself (for example
 * `scripts/start.sh` after `yarn clusters seed all`):
 *
 *   PM_E2E_BASE_URL=http://localhost:3000 yarn playwright test
 */
const baseURL = process.env.PM_E2E_BASE_URL ?? 'http://127.0.0.1:7007';

export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  globalSetup: './packages/app/e2e-tests/globalSetup.ts',
  outputDir: 'test-results/e2e/artifacts',
  // one worker: the machine has 2 cores and the backend answers every test
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 30_000 },
  reporter: [
    ['line'],
    ['json', { outputFile: 'test-results/e2e/report.json' }],
  ],
  use: {
    baseURL,
    viewport: { width: 1400, height: 1000 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.PM_CHROMIUM ?? '/usr/bin/chromium',
      // Playwright adds --headless and a new, empty --user-data-dir for every launch.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
