import type { Page } from 'playwright-core';
import { sleep, withTimeout } from './stats';

/**
 * Evaluates `expression` (JavaScript source) in `page` until it yields a truthy
 * value, and returns that value. Unlike `page.waitForFunction` with a string,
 * this never calls `eval` in the page, which the app's CSP forbids.
 */
export async function pollPage<T>(
  page: Page,
  expression: string,
  timeoutMs: number,
  label: string,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new Error(`${label}: not there after ${timeoutMs} ms`);
    const value = await withTimeout(page.evaluate<unknown>(expression), remaining, label);
    if (value) return value as T;
    await sleep(intervalMs);
  }
}
