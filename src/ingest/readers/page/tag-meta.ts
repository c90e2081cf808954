/** What the page's meta and link tags say: dates, authors, source and canonical URL. */
import { parseFeedDate } from '../dates';
import { splitNames, type NewsMeta } from '../news-meta';
import { firstTag, httpUrl } from './dom';

/** Dates, authors and source from meta tags, for a page without a metadata line. */
export function metaFromTags(document: Document, tags: Map<string, string>): NewsMeta {
  const meta: NewsMeta = {};
  const published =
    firstTag(tags, [
      'article:published_time',
      'og:published_time',
      'og:release_date',
      'pubdate',
      'publishdate',
      'publish_date',
      'datepublished',
      'dc.date.issued',
      'dc.date',
    ]) ?? document.querySelector('time[datetime]')?.getAttribute('datetime');
  const date = published ? parseFeedDate(published) : undefined;
  if (date) meta.datePublished = date;
  // article:author is often a profile URL, not a name.
  const author = firstTag(tags, ['article:author', 'author', 'dc.creator']);
  const authors = author && !/^https?:/i.test(author) ? splitNames(author) : [];
  if (authors.length) meta.authors = authors;
  const source = firstTag(tags, ['source', 'og:site_name']);
  if (source) meta.source = source;
  return meta;
}

/** The canonical URL (`<link rel="canonical">`, og:url), else the page URL, http(s) only. */
export function canonicalUrl(
  document: Document,
  tags: Map<string, string>,
  base: string | undefined,
): string | undefined {
  for (const link of document.querySelectorAll('link[rel][href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('canonical')) {
      const url = httpUrl(link.getAttribute('href'), base);
      if (url) return url;
    }
  }
  return httpUrl(tags.get('og:url'), base) ?? base;
}
