import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

/**
 * Chromium for the browser benchmarks, launched the same way everywhere: the
 * system browser (or CHROME_PATH), headless, with the background services that
 * would add noise (component updates, sync, background networking) turned off.
 */
export function launchBenchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    timeout: 60_000,
  });
}
