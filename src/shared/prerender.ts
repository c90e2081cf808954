/**
 * What the build's prerender (tools/prerender.ts) and the page that reads its
 * output (src/app/data/prerendered.ts) agree on.
 */

/** The `id` of the `<script type="application/json">` holding a prerendered page's data. */
export const PRERENDERED_ISLAND_ID = 'qilu-prerendered';

/**
 * The origin the build renders under. The deployment's origin is not known at
 * build time, so same-origin URLs are written with this one (a reserved
 * `.invalid` name, RFC 2606, so it cannot occur in real content): made
 * root-relative in the HTML, and replaced by the page's own origin when it
 * reads the island.
 */
export const PRERENDER_ORIGIN = 'https://prerender.qilu.invalid';

/**
 * On `<html>` of a prerendered page until the app has rendered over it: until
 * then its controls are only markup (nothing answers a click yet). Tests wait
 * for it to go; nothing styles it.
 */
export const PRERENDERED_CLASS = 'prerendered';

/**
 * On `<html>` of a prerendered page on a first visit while the app rests
 * (src/app/first-visit): the page is only its HTML, its links work as links,
 * and the first control the reader uses brings the app, which then answers
 * that use. Goes with {@link PRERENDERED_CLASS} when the app has rendered.
 * Nothing styles it.
 */
export const RESTING_CLASS = 'resting';
