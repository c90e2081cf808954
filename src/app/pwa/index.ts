/**
 * The page's side of the service worker: registration (lazy, after first
 * render), the update prompt and the messaging helpers. See src/sw for the
 * worker itself.
 */
import { whenSettled } from '../lib/when-settled';

export { setUpdateDeferral } from './update-state';

/**
 * Registers the service worker without delaying the first render: after the
 * load event, in idle time, from its own chunk (workbox-window is not in the
 * shell's budget). Skipped where there are no service workers, and in `vite`
 * dev unless VITE_SW_IN_DEV=true (a worker there would serve stale modules).
 */
export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  if (import.meta.env.DEV && import.meta.env.VITE_SW_IN_DEV !== 'true') return;
  whenSettled(() => {
    import('./register')
      .then(({ registerServiceWorker }) => registerServiceWorker())
      .catch((error: unknown) => {
        // The app works without it (network-only); offline support is what is lost.
        console.warn('Service worker not registered', error);
      });
  });
}
