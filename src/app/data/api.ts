/**
 * Where the feed API is (FEED_BASE, fixed at build time; it may be another
 * origin). Every other URL comes from the documents themselves.
 */
const feedBase = new URL(import.meta.env.FEED_BASE, location.href);

/** Absolute URL of channels.json. */
export const DIRECTORY_URL = new URL('channels.json', feedBase).href;
