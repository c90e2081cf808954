/**
 * The names and numbers of the install offer, on their own so the e2e tests can import them
 * without the UI modules (and their stylesheets) behind this folder's index.ts.
 */

/** localStorage key: the reader closed the banner with 「不再提示」 (or installed), for good. */
export const INSTALL_BANNER_DISMISSED_KEY = 'qilu:install-banner-dismissed';

/** The banner waits until this many different articles have been read (最近阅读). */
export const ENGAGED_AFTER = 3;
