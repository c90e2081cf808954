/**
 * Runs `task` once the page has loaded and the main thread is idle: how the
 * start-up work the first screen does not need (the service worker's
 * registration, the storage check, the boot view's copy of the settings)
 * waits until after the first paint. At most five seconds after `load` in a
 * page that never idles.
 */
export function whenSettled(task: () => void): void {
  const idle = () => {
    if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout: 5000 });
    else setTimeout(task, 1000);
  };
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}
