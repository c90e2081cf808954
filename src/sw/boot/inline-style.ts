/**
 * The app's stylesheet written into a boot view instead of linked: offline, a
 * cold worker answers the page and then, as a second fetch event, its
 * stylesheet, and the text cannot paint before both are in. With the rules in
 * the page it paints from one response (a ready article page: one Cache
 * Storage match). The worker (src/sw/routes/shell-style.ts) makes the page's
 * Content-Security-Policy allow exactly that text, by its hash: nothing else
 * inline becomes allowed. (Prerendered pages link the stylesheet: inline, the
 * server's and every host's CSP would need a new hash with every build.)
 */

/** The shell's one stylesheet as Vite links it (the build makes one: vite.config.ts). */
const STYLESHEET_LINK = /<link rel="stylesheet" crossorigin href="(\/assets\/[\w.-]+\.css)">/;

/** A stylesheet ready to be written in: its text and the CSP source that allows it. */
export interface InlineStyle {
  readonly href: string;
  readonly css: string;
  /** `'sha256-…'` of the text, for `style-src`. */
  readonly source: string;
}

/** The stylesheet `html` links, if it links one the worker may write in. */
export function linkedStylesheet(html: string): string | undefined {
  return STYLESHEET_LINK.exec(html)?.[1];
}

/**
 * Whether `css` can stand as the text of a `<style>` element unchanged: it
 * must not end the element early, and the parser must not alter it (it turns
 * CR LF into LF, and the hash is of the parsed text).
 */
export function isInlinable(css: string): boolean {
  return !css.toLowerCase().includes('</style') && !css.includes('\r') && !css.includes('\0');
}

/** The CSP hash source (`'sha256-<base64>'`) of `text`. */
export async function hashSource(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let binary = '';
  for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
  return `'sha256-${btoa(binary)}'`;
}

/** `html` with the link to `style.href` replaced by a `<style>` element holding its rules. */
export function withInlineStyle(html: string, style: InlineStyle): string {
  return html.replace(STYLESHEET_LINK, (link, href: string) =>
    href === style.href ? `<style>${style.css}</style>` : link,
  );
}

/**
 * `policy` (a Content-Security-Policy value) allowing `source` as a style too:
 * added to `style-src`, or, without one, to a `style-src` copied from
 * `default-src` (which would otherwise govern styles). A policy with neither
 * leaves styles unrestricted and is returned as it is.
 */
export function allowStyleSource(policy: string, source: string): string {
  const directives = policy
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '');
  const named = (name: string) =>
    directives.findIndex((directive) => directive.split(/\s+/, 1)[0]?.toLowerCase() === name);
  const style = named('style-src');
  if (style >= 0) {
    directives[style] = `${directives[style]} ${source}`;
    return directives.join('; ');
  }
  const fallback = named('default-src');
  if (fallback < 0) return policy;
  const values = directives[fallback]?.split(/\s+/).slice(1) ?? [];
  directives.push(['style-src', ...values, source].join(' '));
  return directives.join('; ');
}
