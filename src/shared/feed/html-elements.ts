/**
 * How each HTML element of an untrusted article body is treated. Anything not
 * listed is unwrapped: the element goes, its text stays (span, font, u, custom
 * elements…). Lists are `ReadonlySet`s of lower-case tag names, as htmlparser2
 * reports them in HTML mode.
 */

/**
 * Elements removed together with everything inside them: code, styles,
 * embedded documents and plug-ins, form controls, media players, and raw-text
 * containers whose "text" is really markup or script.
 */
export const DROPPED_WITH_CONTENT: ReadonlySet<string> = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'param',
  'svg',
  'math',
  'noscript',
  'noembed',
  'noframes',
  'form',
  'input',
  'button',
  'select',
  'option',
  'optgroup',
  'datalist',
  'textarea',
  'audio',
  'video',
  'source',
  'track',
  'canvas',
  'map',
  'area',
  'dialog',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'xmp',
  'plaintext',
]);

/**
 * Block-level elements that carry no meaning we keep: their content is
 * converted on its own, and they end the paragraph around them (a `div` of
 * text becomes a paragraph of its own, a table cell likewise).
 */
export const BLOCK_WRAPPERS: ReadonlySet<string> = new Set([
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'center',
  'address',
  'hgroup',
  'details',
  'summary',
  'fieldset',
  'legend',
  'pre',
  'dl',
  'dt',
  'dd',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'hr',
  'li',
  'figcaption',
  'body',
  'html',
]);

/** Heading levels of the block tree: the page's own h1 is the headline, so h1 and h2 map to 2. */
export const HEADING_LEVELS: ReadonlyMap<string, 2 | 3 | 4> = new Map([
  ['h1', 2],
  ['h2', 2],
  ['h3', 3],
  ['h4', 4],
  ['h5', 4],
  ['h6', 4],
]);

/** Elements that start a block of their own (so inside inline content they become a line break). */
export function isBlockLevel(name: string): boolean {
  return (
    BLOCK_WRAPPERS.has(name) ||
    HEADING_LEVELS.has(name) ||
    name === 'p' ||
    name === 'ul' ||
    name === 'ol' ||
    name === 'blockquote' ||
    name === 'figure'
  );
}

/** Emphasis elements and the inline type they become. */
export const EMPHASIS: ReadonlyMap<string, 'em' | 'strong'> = new Map([
  ['em', 'em'],
  ['i', 'em'],
  ['strong', 'strong'],
  ['b', 'strong'],
]);
