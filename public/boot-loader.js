// Stands in for the app's entry script while the service worker's boot view of
// a stored article is on screen (src/sw/boot/boot-page.ts): the browser paints
// the article first, and only then fetches and runs the app, which on a slow
// phone would otherwise hold the first paint for hundreds of milliseconds.
// The entry's URL comes from the worker, written next to this script; nothing
// but one of the build's own asset paths is accepted.
const script = document.querySelector('script[data-qilu-entry]');
const entry = script instanceof HTMLScriptElement ? script.dataset.qiluEntry : undefined;
if (entry !== undefined && /^\/assets\/[\w.-]+\.js$/.test(entry)) {
  requestAnimationFrame(() => {
    setTimeout(() => {
      import(entry).catch((error) => console.error('The app failed to load', error));
    }, 0);
  });
}
