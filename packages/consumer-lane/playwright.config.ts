import { defineConfig } from '@playwright/test';

/**
 * Browser tests of the consumer lane (scripts/consumer-lane.sh): the fresh Backstage app that
 * installed our packed packages, in Debian's Chromium (no browser downloads). The script starts
 * the app and passes its address in PM_CONSUMER_BASE_URL.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: '../../test-results/consumer-lane/artifacts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 30_000 },
  reporter: [
    ['line'],
    ['json', { outputFile: '../../test-results/consumer-lane/report.json' }],
  ],
  use: {
    baseURL: process.env.PM_CONSUMER_BASE_URL ?? 'http://127.0.0.1:7007',
    viewport: { width: 1400, height: 1000 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.PM_CHROMIUM ?? '/usr/bin/chromium',
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
