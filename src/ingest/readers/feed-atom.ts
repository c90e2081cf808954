import type { AtomFeed } from 'feedsmith';
import { parseAtomFeed } from 'feedsmith';
import type { IngestItem, ReadDocument } from '../model';
import { parseFeedDate } from './dates';
import type { AtomLink, EntryScope } from './feed-atom-base';
import { readAtomScopes } from './feed-atom-base';
import type { ItemDraft } from './feed-common';
import {
  collectItems,
  finishItem,
  httpUrl,
  imageOfMedia,
  isHttpUrl,
  text,
  uniqueStrings,
} from './feed-common';
import { absolutizeHtml, htmlToPlainText, xhtmlToHtml } from './feed-html';
import { parseWith } from './feed-parse';

/**
 * Atom 1.0 (RFC 4287), read with feedsmith; `xml:base` scopes come from
 * feed-atom-base.ts. Relative URLs are resolved against the base in scope:
 * link `href`s here, `href`/`src` inside content markup by feed-html.ts.
 */

type Entry = AtomFeed.Entry<string>;

type TextKind = 'text' | 'html' | 'xhtml';

/** RFC 4287 §3.1.1 / §4.1.3.1: a missing type is text; MIME types are allowed for content. */
function kindOf(type: string | undefined): TextKind | undefined {
  const t = type?.trim().toLowerCase();
  if (t === undefined || t === '' || t === 'text') return 'text';
  if (t === 'html' || t === 'text/html') return 'html';
  if (t === 'xhtml' || t === 'application/xhtml+xml') return 'xhtml';
  if (t.startsWith('text/')) return 'text';
  // Base64 binaries and other media types are no article body.
  return undefined;
}

/** A text construct (title, summary) as plain text. */
function plainText(construct: AtomFeed.Text | undefined): string | undefined {
  if (!construct) return undefined;
  const kind = kindOf(construct.type) ?? 'text';
  return kind === 'text' ? text(construct.value) : htmlToPlainText(construct.value);
}

function body(
  content: AtomFeed.Content | undefined,
  base: string | undefined,
): Pick<ItemDraft, 'contentHtml' | 'contentText'> {
  // Out-of-line content (`src`) is not fetched: it is a link, not a body.
  const value = content?.src === undefined ? text(content?.value) : undefined;
  if (value === undefined) return {};
  switch (kindOf(content?.type)) {
    case 'html':
      return { contentHtml: absolutizeHtml(value, base) };
    case 'xhtml':
      return { contentHtml: xhtmlToHtml(value, base) };
    case 'text':
      return { contentText: value };
    default:
      return {};
  }
}

function isAlternate(link: AtomLink): boolean {
  // RFC 4287 §4.2.7.2: a link without rel is an alternate link.
  return link.rel === undefined || link.rel === 'alternate';
}

/** The article's page: an alternate link, preferring one that declares (or implies) HTML. */
function pageUrl(links: readonly AtomLink[]): string | undefined {
  const alternates = links.filter(isAlternate);
  const html = alternates.filter((l) => l.type === undefined || /html/i.test(l.type));
  for (const link of [...html, ...alternates]) {
    const url = httpUrl(link.href, undefined);
    if (url) return url;
  }
  return undefined;
}

function enclosedImage(links: readonly AtomLink[]): string | undefined {
  for (const link of links) {
    if (link.rel === 'enclosure' && link.type?.toLowerCase().startsWith('image/')) {
      const url = httpUrl(link.href, undefined);
      if (url) return url;
    }
  }
  return undefined;
}

function personNames(people: readonly AtomFeed.Person[] | undefined): string[] {
  return uniqueStrings((people ?? []).map((p) => p.name));
}

function readEntry(entry: Entry, scope: EntryScope): IngestItem {
  const guid = text(entry.id);
  const published = entry.published === undefined ? undefined : parseFeedDate(entry.published);
  const updated = entry.updated === undefined ? undefined : parseFeedDate(entry.updated);
  const authors = personNames(entry.authors);
  return finishItem({
    guid,
    guidIsUrl: guid === undefined ? undefined : isHttpUrl(guid),
    url: pageUrl(scope.links),
    title: plainText(entry.title),
    // An entry with only <updated> was first published then, as far as we can know.
    datePublished: published ?? updated,
    dateModified: updated,
    ...body(entry.content, scope.contentBase),
    summary: plainText(entry.summary),
    image: enclosedImage(scope.links) ?? imageOfMedia(entry.media, scope.base),
    // RFC 4287 §4.2.1: without its own author, an entry's is its source's, then the feed's.
    authors: authors.length > 0 ? authors : personNames(entry.source?.authors),
    // label is the human-readable form of term (§4.2.2.3): what a tag should show.
    tags: uniqueStrings((entry.categories ?? []).map((c) => c.label ?? c.term)),
    language: text(entry.xml?.lang),
  });
}

/** Reads an Atom document (already checked well-formed) whose root element is `root`. */
export function readAtom(xml: string, root: string, docUrl: string | undefined): ReadDocument {
  const feed = parseWith(parseAtomFeed, xml, 'Atom');
  const entries = feed.entries ?? [];
  const scopes = readAtomScopes(xml, root, docUrl, entries);
  const inherit = { authors: personNames(feed.authors), language: text(feed.xml?.lang) };
  return {
    kind: 'atom',
    title: plainText(feed.title),
    ...collectItems(
      entries.map((entry, i) => [entry, scopes.entries[i]] as const),
      ([entry, scope]) =>
        readEntry(
          entry,
          scope ?? { base: scopes.feedBase, links: [], contentBase: scopes.feedBase },
        ),
      inherit,
      '<entry>',
    ),
  };
}
