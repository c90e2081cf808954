import { XMLParser } from 'fast-xml-parser';
import type { AtomFeed } from 'feedsmith';
import { resolveBase, text } from './feed-common';
import { decodeXmlReferences } from './feed-xml';

/**
 * `xml:base` scopes of an Atom document, read with fast-xml-parser directly.
 *
 * feedsmith exposes `xml:base` on `<feed>`, `<entry>` and `<content>`, but not
 * on `<link>`, and it merges the xhtml `<div>`'s base with the content's base
 * only when the latter is absolute (a relative `xml:base="c/"` on `<content>`
 * followed by `xml:base="d/"` on its div loses the "c/"). XML Base (and
 * RFC 4287 §2) wants every base resolved against the one in scope, down to the
 * element that carries the URL, so this second, shallow pass reads the
 * attributes itself: feed → entry → link, and feed → entry → content → div.
 *
 * Parsed with entity processing off (DOCTYPEs were refused before, and
 * nothing is expanded here anyway); attribute values are decoded by
 * {@link decodeXmlReferences}. Text constructs and divs are stop nodes, so
 * body markup is not built into objects.
 */

export interface AtomLink {
  readonly href: string;
  readonly rel?: string;
  readonly type?: string;
}

/** What one entry's URLs resolve against. */
export interface EntryScope {
  /** The entry's base (for its links and everything without its own xml:base). */
  readonly base: string | undefined;
  /** Links with `href` resolved against their own base (absolute when resolvable). */
  readonly links: readonly AtomLink[];
  /** The base of the content's markup (content's and, for xhtml, the div's xml:base applied). */
  readonly contentBase: string | undefined;
}

export interface AtomScopes {
  readonly feedBase: string | undefined;
  /** One scope per feedsmith entry, in the same order. */
  readonly entries: readonly EntryScope[];
}

type Raw = Record<string, unknown>;

function isRaw(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function attribute(element: unknown, name: string): string | undefined {
  if (!isRaw(element)) return undefined;
  const value = element[`@${name}`];
  return typeof value === 'string' ? text(decodeXmlReferences(value)) : undefined;
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The text of a simple element (`<id>`), decoded, for matching entries. */
function elementText(value: unknown): string | undefined {
  const v = first(value);
  const raw = isRaw(v) ? v['#text'] : v;
  return typeof raw === 'string' ? text(decodeXmlReferences(raw)) : undefined;
}

function resolveHref(href: string, base: string | undefined): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

function entryScope(entry: Raw, prefix: string, feedBase: string | undefined): EntryScope {
  const base = resolveBase(attribute(entry, 'xml:base'), feedBase);
  const links: AtomLink[] = [];
  for (const link of asArray(entry[`${prefix}link`])) {
    const href = attribute(link, 'href');
    if (href === undefined) continue;
    const linkBase = resolveBase(attribute(link, 'xml:base'), base);
    links.push({
      href: resolveHref(href, linkBase),
      rel: attribute(link, 'rel'),
      type: attribute(link, 'type'),
    });
  }
  const content = first(entry[`${prefix}content`]);
  let contentBase = resolveBase(attribute(content, 'xml:base'), base);
  if (isRaw(content)) {
    const divKey = Object.keys(content).find((key) => key === 'div' || key.endsWith(':div'));
    if (divKey !== undefined) {
      contentBase = resolveBase(attribute(first(content[divKey]), 'xml:base'), contentBase);
    }
  }
  return { base, links, contentBase };
}

/** The scope feedsmith's own data gives, for an entry the raw pass could not match. */
function fallbackScope(entry: AtomFeed.Entry<string>, feedBase: string | undefined): EntryScope {
  const base = resolveBase(entry.xml?.base, feedBase);
  const links = (entry.links ?? []).flatMap((link) =>
    link.href === undefined
      ? []
      : [{ href: resolveHref(link.href, base), rel: link.rel, type: link.type }],
  );
  return { base, links, contentBase: resolveBase(entry.content?.xml?.base, base) };
}

/**
 * Matches raw entries to feedsmith's. feedsmith drops entries it finds nothing
 * in; raw entries that are not elements with content are dropped here too, so
 * the lists normally have the same length and match one to one. When they do
 * not (an entry holding only unknown elements), entries are matched in order
 * by `<id>`, and an unmatched one falls back to feedsmith's bases.
 */
function align(
  raw: readonly Raw[],
  entries: readonly AtomFeed.Entry<string>[],
  prefix: string,
  feedBase: string | undefined,
): EntryScope[] {
  if (raw.length === entries.length) {
    return raw.map((entry) => entryScope(entry, prefix, feedBase));
  }
  const scopes: EntryScope[] = [];
  let r = 0;
  for (const entry of entries) {
    const id = text(entry.id);
    let match = r;
    while (match < raw.length && elementText(raw[match]?.[`${prefix}id`]) !== id) match++;
    const found = raw[match];
    if (found !== undefined) {
      scopes.push(entryScope(found, prefix, feedBase));
      r = match + 1;
    } else {
      scopes.push(fallbackScope(entry, feedBase));
    }
  }
  return scopes;
}

/**
 * Reads the `xml:base` scopes of an Atom document whose root element is
 * `root` (as written, e.g. `feed` or `atom:feed`).
 */
export function readAtomScopes(
  xml: string,
  root: string,
  docUrl: string | undefined,
  entries: readonly AtomFeed.Entry<string>[],
): AtomScopes {
  const colon = root.indexOf(':');
  const prefix = colon === -1 ? '' : root.slice(0, colon + 1);
  const entryName = `${prefix}entry`;
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    isArray: (name) => name === entryName,
    // Text constructs' markup is never needed here; a div's is not either (only
    // its own attributes are), and the XHTML div is usually unprefixed.
    stopNodes: [
      ...['title', 'subtitle', 'summary', 'rights'].map((name) => `*.${prefix}${name}`),
      '*.div',
      '*.xhtml:div',
    ],
  });
  const parsed: unknown = parser.parse(xml);
  const feed = isRaw(parsed) ? parsed[root] : undefined;
  const feedBase = resolveBase(attribute(feed, 'xml:base'), docUrl);
  const raw = isRaw(feed) ? asArray(feed[entryName]).filter(isRaw) : [];
  return { feedBase, entries: align(raw, entries, prefix, feedBase) };
}
