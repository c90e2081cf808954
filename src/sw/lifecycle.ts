declare const self: ServiceWorkerGlobalScope;

/**
 * The worker's own lifecycle. It never calls `skipWaiting()` by itself: a new
 * version installs, then waits until the reader presses 「更新」 (the page sends
 * `skip-waiting`, see messages.ts), so no open page suddenly runs against
 * another version's precache.
 *
 * It always claims clients on activation. On the very first install that is
 * what makes the first visit's page controlled (and so work offline after one
 * visit) without a reload. For an update, activation only happens after the
 * reader accepted (or once every tab is closed); pages already controlled move
 * to the new worker with or without a claim, and the page reloads on
 * `controlling` (src/app/pwa), so claiming changes nothing there.
 */
export function claimClientsOnActivate(): void {
  self.addEventListener('activate', (event) => {
    event.waitUntil(self.clients.claim());
  });
}
