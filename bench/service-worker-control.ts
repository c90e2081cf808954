import type { CDPSession, Page } from 'playwright-core';
import { sleep, withTimeout } from './stats';

/** Resolves once a service worker controls `page` (the first install claims it at once). */
export async function waitForController(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: timeoutMs,
    polling: 100,
  });
}

/**
 * Stops every service worker of the browser through the DevTools protocol and
 * waits until none is running, so the next navigation has to start one: a cold
 * worker, as after the browser killed an idle one.
 */
export async function stopServiceWorkers(cdp: CDPSession, timeoutMs = 10_000): Promise<void> {
  const status = new Map<string, string>();
  const onUpdate = ({
    versions,
  }: {
    versions: readonly { versionId: string; runningStatus: string; status: string }[];
  }): void => {
    for (const version of versions) {
      // A replaced version is going away by itself; only live ones could answer a fetch.
      if (version.status === 'redundant') status.delete(version.versionId);
      else status.set(version.versionId, version.runningStatus);
    }
  };
  const stopAll = (): Promise<unknown> =>
    withTimeout(
      cdp.send('ServiceWorker.stopAllWorkers'),
      timeoutMs,
      'ServiceWorker.stopAllWorkers',
    );
  cdp.on('ServiceWorker.workerVersionUpdated', onUpdate);
  try {
    // `enable` reports every known version, so `status` starts complete.
    await withTimeout(cdp.send('ServiceWorker.enable'), timeoutMs, 'ServiceWorker.enable');
    await stopAll();
    const deadline = Date.now() + timeoutMs;
    let nextStop = Date.now() + 500;
    // The version list arrives as events after `enable` answers; none at all means
    // nothing is registered, which would make a "cold worker" run meaningless.
    while (status.size === 0 || [...status.values()].some((running) => running !== 'stopped')) {
      if (Date.now() > deadline) {
        throw new Error(
          status.size === 0
            ? 'No service worker is registered'
            : `A service worker did not stop (${[...status.values()].join(', ')})`,
        );
      }
      // A client's message or fetch can start a worker again just after it stopped: ask again.
      if (Date.now() > nextStop && status.size > 0) {
        await stopAll();
        nextStop = Date.now() + 500;
      }
      await sleep(20);
    }
  } finally {
    cdp.off('ServiceWorker.workerVersionUpdated', onUpdate);
    await cdp.send('ServiceWorker.disable').catch(() => undefined);
  }
}
