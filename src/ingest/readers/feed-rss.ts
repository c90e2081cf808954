import type { RdfFeed, RssFeed } from 'feedsmith';
import { parseRdfFeed, parseRssFeed } from 'feedsmith';
import type { IngestItem, ReadDocument } from '../model';
import { parseFeedDate } from './dates';
import type { ItemDraft } from './feed-common';
import {
  collectItems,
  finishItem,
  httpUrl,
  imageOfEnclosures,
  imageOfMedia,
  isHttpUrl,
  resolveBase,
  text,
  uniqueStrings,
} from './feed-common';
import { absolutizeHtml, htmlToPlainText } from './feed-html';
import { parseWith } from './feed-parse';

/**
 * RSS 2.0 (and 0.9x) and RDF / RSS 1.0, read with feedsmith. Both share the
 * body rule: `content:encoded` is the body when present, and `description` is
 * then the summary (as plain text); without it, `description` is the body.
 */

type RssItem = RssFeed.Item<string>;
type RdfItem = RdfFeed.Item<string>;

function firstDate(...values: (string | undefined)[]): string | undefined {
  for (const value of values) {
    const date = value === undefined ? undefined : parseFeedDate(value);
    if (date) return date;
  }
  return undefined;
}

function body(
  encoded: string | undefined,
  description: string | undefined,
  base: string | undefined,
): Pick<ItemDraft, 'contentHtml' | 'summary'> {
  const html = text(encoded);
  const desc = text(description);
  if (html) {
    return { contentHtml: absolutizeHtml(html, base), summary: desc && htmlToPlainText(desc) };
  }
  return { contentHtml: desc && absolutizeHtml(desc, base) };
}

function rssItem(item: RssItem, feedBase: string | undefined): IngestItem {
  const base = resolveBase(item.xml?.base, feedBase);
  const guid = text(item.guid?.value);
  // RSS 2.0: isPermaLink defaults to true, but only a real http(s) URL can be one.
  const guidIsUrl =
    guid === undefined ? undefined : item.guid?.isPermaLink !== false && isHttpUrl(guid);
  return finishItem({
    guid,
    guidIsUrl,
    url: httpUrl(item.link, base) ?? (guidIsUrl ? httpUrl(guid, base) : undefined),
    title: text(item.title),
    datePublished: firstDate(
      item.pubDate,
      ...(item.dc?.dates ?? []),
      ...(item.dcterms?.issued ?? []),
      item.atom?.published,
    ),
    dateModified: firstDate(...(item.dcterms?.modified ?? []), item.atom?.updated),
    ...body(item.content?.encoded, item.description, base),
    image: imageOfEnclosures(item.enclosures, base) ?? imageOfMedia(item.media, base),
    authors: uniqueStrings([
      ...(item.dc?.creators ?? []),
      ...(item.authors ?? []).map((a) => a.name),
      ...(item.dcterms?.creators ?? []),
    ]),
    tags: uniqueStrings([
      ...(item.categories ?? []).map((c) => c.name),
      ...(item.dc?.subjects ?? []),
    ]),
    language: text(item.dc?.languages?.[0]),
  });
}

function rdfItem(item: RdfItem, feedBase: string | undefined): IngestItem {
  const base = resolveBase(item.xml?.base, feedBase);
  // rdf:about names the item's resource, normally its URL.
  const guid = text(item.rdf?.about);
  return finishItem({
    guid,
    guidIsUrl: guid === undefined ? undefined : isHttpUrl(guid),
    url: httpUrl(item.link, base) ?? (guid && isHttpUrl(guid) ? guid : undefined),
    title: text(item.title),
    datePublished: firstDate(...(item.dc?.dates ?? []), ...(item.dcterms?.issued ?? [])),
    dateModified: firstDate(...(item.dcterms?.modified ?? [])),
    ...body(item.content?.encoded, item.description, base),
    image: imageOfMedia(item.media, base),
    authors: uniqueStrings([...(item.dc?.creators ?? []), ...(item.dcterms?.creators ?? [])]),
    tags: uniqueStrings(item.dc?.subjects ?? []),
    language: text(item.dc?.languages?.[0]),
  });
}

/** Reads an RSS 0.9x/2.0 document (already checked well-formed). */
export function readRss(xml: string, docUrl: string | undefined): ReadDocument {
  const feed = parseWith(parseRssFeed, xml, 'RSS');
  const base = resolveBase(feed.xml?.base, docUrl);
  const language = text(feed.language) ?? text(feed.dc?.languages?.[0]);
  return {
    kind: 'rss',
    title: text(feed.title),
    ...collectItems(feed.items ?? [], (item) => rssItem(item, base), { language }, '<item>'),
  };
}

/** Reads an RDF / RSS 1.0 document (already checked well-formed). */
export function readRdf(xml: string, docUrl: string | undefined): ReadDocument {
  const feed = parseWith(parseRdfFeed, xml, 'RDF');
  const base = resolveBase(feed.xml?.base, docUrl);
  const language = text(feed.dc?.languages?.[0]);
  return {
    kind: 'rdf',
    title: text(feed.title),
    ...collectItems(feed.items ?? [], (item) => rdfItem(item, base), { language }, '<item>'),
  };
}
