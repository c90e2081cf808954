import { Parser } from 'htmlparser2';
import { blocksToText, htmlToBlocks } from '../../shared/feed/index';
import { decodeXmlReferences } from './feed-xml';

/**
 * HTML chores of the feed readers, all on a real HTML parser (htmlparser2): body
 * HTML is passed on as HTML (the pipeline sanitises it with the feed contract's
 * code), but relative URLs in it are made absolute here, because only the
 * reader knows the base they were written against (the document URL, or an
 * Atom `xml:base` in scope).
 *
 * Both rewrites stream parser events and copy the source through; there is no
 * tree to serialise, so markup nested thousands deep costs no stack (a
 * recursive serialiser such as dom-serializer overflows on it).
 */

/** Attributes whose value is a URL the sanitizer may keep. */
const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src']);

/** Cheap pre-check: without one of these substrings there is nothing to rewrite. */
const MAY_HAVE_URL = /href|src/i;

/** HTML elements without an end tag. */
const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The absolute form of a relative reference, or undefined when it is not relative or cannot be resolved. */
function resolveReference(value: string, base: string): string | undefined {
  const trimmed = value.trim();
  // Empty values and same-document #fragments stay as they are; so do absolute URLs.
  if (trimmed === '' || trimmed.startsWith('#') || URL.canParse(trimmed)) return undefined;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return undefined;
  }
}

/**
 * `html` with relative `href` and `src` values resolved against `base`.
 * Only the start tags that change are rewritten (from their parsed, decoded
 * attributes, re-escaped); every other byte is copied from the source, so a
 * body without relative URLs comes back as the very same string. `#fragment`
 * links are left alone: the sanitizer recognises them as links into the
 * document itself.
 */
export function absolutizeHtml(html: string, base: string | undefined): string {
  if (base === undefined || !MAY_HAVE_URL.test(html)) return html;
  const parts: string[] = [];
  let copied = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs, isImplied) {
        if (isImplied) return;
        let changed = false;
        const rebuilt: string[] = [];
        for (const [attr, value] of Object.entries(attribs)) {
          const resolved = URL_ATTRIBUTES.has(attr) ? resolveReference(value, base) : undefined;
          if (resolved !== undefined) changed = true;
          rebuilt.push(` ${attr}="${escapeAttribute(resolved ?? value)}"`);
        }
        if (!changed) return;
        const start = parser.startIndex;
        const end = parser.endIndex;
        const selfClosing = html[end - 1] === '/';
        parts.push(
          html.slice(copied, start),
          `<${name}${rebuilt.join('')}${selfClosing ? ' />' : '>'}`,
        );
        copied = end + 1;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  if (parts.length === 0) return html;
  parts.push(html.slice(copied));
  return parts.join('');
}

/**
 * Atom `type="xhtml"` content (the children of its `div`, as XML) → HTML, with
 * relative URLs resolved against `base`. Parsed as XML, so that `<span/>` is an
 * empty element, and written as HTML (`<span></span>`, `<br>`). Text and
 * attribute values keep their references as written (XML's are HTML's too);
 * comments and processing instructions are left out.
 */
export function xhtmlToHtml(xhtml: string, base: string | undefined): string {
  const out: string[] = [];
  let inCdata = false;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        out.push(`<${name}`);
        for (const [attr, raw] of Object.entries(attribs)) {
          const resolved =
            base !== undefined && URL_ATTRIBUTES.has(attr)
              ? resolveReference(decodeXmlReferences(raw), base)
              : undefined;
          out.push(
            ` ${attr}="${resolved === undefined ? raw.replace(/"/g, '&quot;') : escapeAttribute(resolved)}"`,
          );
        }
        out.push('>');
      },
      onclosetag(name) {
        if (!VOID_ELEMENTS.has(name.toLowerCase())) out.push(`</${name}>`);
      },
      ontext(text) {
        out.push(inCdata ? escapeText(text) : text);
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
    },
    { xmlMode: true, decodeEntities: false },
  );
  parser.end(xhtml);
  return out.join('');
}

/**
 * HTML (a summary, an Atom html title) → plain text, by the app's own rules
 * (src/shared/feed): what the sanitizer keeps, whitespace collapsed as a browser
 * would, blocks on separate lines, references decoded. Text with neither markup
 * nor references is returned trimmed, as is.
 */
export function htmlToPlainText(html: string): string | undefined {
  const plain = !html.includes('<') && !html.includes('&');
  // The base only matters for links, whose URLs plain text does not keep.
  const text = plain ? html : blocksToText(htmlToBlocks(html, 'https://invalid.invalid/'));
  return text.trim() || undefined;
}
