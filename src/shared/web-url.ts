/**
 * Whether `href` is an http(s) URL: the only links the app writes into a page.
 * The feed module already emits nothing else; renderers check again as
 * defence in depth, since a stored record may come from an older version.
 */
export function isWebUrl(href: string): boolean {
  try {
    const { protocol } = new URL(href);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
