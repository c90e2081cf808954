import { Workbox } from 'workbox-window';
import { registerPeriodicSync } from './periodic-sync';
import { trustedWorkerUrl } from './trusted-url';
import { WORKER_PATH } from './worker-path';
import { offerUpdate } from './update-state';

/**
 * Registers the service worker and wires the update flow:
 *
 * - a new version installs and waits (the worker never skips waiting by itself);
 * - on `waiting` the UpdatePrompt offers 「更新」; accepting sends
 *   `messageSkipWaiting()` to the waiting worker;
 * - on `controlling`, a page that was already controlled reloads once, in every
 *   open tab: its precache has just been replaced, so the lazy chunks it would
 *   load next belong to the new version. The first install's claim (the page was
 *   not controlled) is not a reason to reload.
 */
export async function registerServiceWorker(): Promise<void> {
  // Workbox's own types accept a TrustedScriptURL (it passes it on to register()).
  const workbox = new Workbox(trustedWorkerUrl(WORKER_PATH), { scope: '/' });
  let controlled = navigator.serviceWorker.controller !== null;
  let reloading = false;

  workbox.addEventListener('waiting', () => offerUpdate(() => workbox.messageSkipWaiting()));
  workbox.addEventListener('controlling', () => {
    const wasControlled = controlled;
    controlled = true;
    if (!wasControlled || reloading) return;
    reloading = true;
    location.reload();
  });

  // The caller already waited for load and idle time, so register now.
  const registration = await workbox.register({ immediate: true });
  if (registration) await registerPeriodicSync(registration);
}
