import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium (browsers are not downloaded: set CHROME_PATH for another
 * Chromium or Chrome). `npm run test:e2e` builds dist/ first; the global setup serves it with the
 * production server and builds + serves a second copy that reads its feed from another origin.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    browserName: 'chromium',
    locale: 'zh-CN',
    // Not China's zone on purpose: times must show in the feed's own +08:00 offset, never
    // converted to the device zone, and this makes a conversion visible.
    timezoneId: 'America/New_York',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-gpu',
      ],
    },
  },
});
