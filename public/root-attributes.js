// Inlined into the <head> of every prerendered page (tools/prerender-html.ts), and
// allowed there by its hash in the CSP (server/app.js): the reader's settings (text
// size, theme, 长辈版 …) on <html> before the page first paints, where the app's own
// code runs only after. The app mirrors the attributes into this key
// (src/app/lib/boot-prefs.ts); names and values are checked as the worker checks them
// (src/shared/boot.ts), and anything else is ignored.
(() => {
  try {
    const stored = JSON.parse(localStorage.getItem('qilu:root-attributes') || 'null');
    if (!stored || typeof stored !== 'object') return;
    for (const [name, value] of Object.entries(stored)) {
      if (
        /^data-[a-z][a-z0-9-]*$/.test(name) &&
        typeof value === 'string' &&
        /^[A-Za-z0-9._-]{0,64}$/.test(value)
      ) {
        document.documentElement.setAttribute(name, value);
      }
    }
  } catch {
    // No storage (privacy modes) or a malformed value: the page paints with the defaults.
  }
})();
