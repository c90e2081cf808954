import { createHash } from 'node:crypto';
import type { IngestItem } from '../model';

/**
 * Who an article is, across sources and runs. An article carries identity keys; two items
 * that share any key are the same article (an RSS item and the article page it links to share
 * the canonical URL; a text capture and a hand-written source share headline and time).
 *
 * Its id is fixed when it is first stored and never changes, so links readers saved keep
 * working. A source's own id (a native file's `id`) is used as is; otherwise the id is derived
 * from the strongest key: the canonical URL, else the guid, else, as a last resort, the content
 * fingerprint (headline + publication minute).
 */

/** Ids the API writes: URL- and file-name-safe, so `articles/<id>.json` needs no escaping. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** Normalises a URL for identity: no fragment, lower-case scheme and host, default port gone. */
export function canonicalUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  parsed.hash = '';
  // http and https copies of a page are the same article.
  return `${parsed.host}${parsed.pathname}${parsed.search}`;
}

/**
 * The headline with everything that differs between copies removed (spacing, punctuation,
 * full- vs half-width forms), plus the minute it was published.
 */
export function fingerprint(title: string, datePublished: string): string {
  const letters = [...title.normalize('NFKC')]
    .filter((ch) => /[\p{L}\p{N}]/u.test(ch))
    .join('')
    .toLowerCase();
  const minute = new Date(Math.floor(Date.parse(datePublished) / 60_000) * 60_000).toISOString();
  return `${letters}|${minute}`;
}

/**
 * The identity keys of an item, strongest first. A guid that is not a URL only means something
 * within its own feed (two sites both number their items from 1), so its key is scoped by
 * `guidScope`: the feed's host, or the source's name for a file.
 */
export function identityKeys(
  raw: IngestItem,
  title: string,
  datePublished: string,
  guidScope: string,
  explicitId?: string,
): string[] {
  const keys: string[] = [];
  if (explicitId) keys.push(`id:${explicitId}`);
  const url = raw.url ? canonicalUrl(raw.url) : undefined;
  const guidUrl = raw.guid && raw.guidIsUrl !== false ? canonicalUrl(raw.guid) : undefined;
  if (guidUrl) keys.push(`url:${guidUrl}`);
  if (url && url !== guidUrl) keys.push(`url:${url}`);
  if (raw.guid && !guidUrl) keys.push(`guid:${guidScope}|${raw.guid.trim()}`);
  keys.push(`fp:${hash(fingerprint(title, datePublished), 24)}`);
  return keys;
}

/** A new article's id from its strongest key: `<site>-<hash>`, e.g. `dzwww-3f2a…`. */
export function deriveId(keys: readonly string[]): string {
  const [first = ''] = keys;
  if (first.startsWith('id:')) return first.slice(3);
  const kind = first.slice(0, first.indexOf(':'));
  const value = first.slice(kind.length + 1);
  const prefix = kind === 'url' ? sitePrefix(value) : kind === 'guid' ? 'g' : 'h';
  return `${prefix}-${hash(first, 16)}`;
}

/** Host labels that say nothing about the site. */
const GENERIC_LABELS = new Set(['www', 'm', 'wap', 'com', 'cn', 'net', 'org', 'gov', 'edu']);

/** A short, readable slug of a URL's host: `www.dzwww.com/…` → `dzwww`. */
function sitePrefix(hostAndPath: string): string {
  const host = hostAndPath.split('/')[0]?.split(':')[0] ?? '';
  const labels = host.split('.').filter((l) => l !== '' && !GENERIC_LABELS.has(l));
  const label = labels[labels.length - 1] ?? '';
  const slug = label
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 20);
  return slug === '' ? 'a' : slug;
}

/** Hex SHA-256, cut to `length` characters. */
export function hash(value: string, length = 64): string {
  return createHash('sha256').update(value).digest('hex').slice(0, length);
}

/** The scope of a feed's non-URL guids: its host for http(s) documents, else `fallback`. */
export function guidScopeOf(docUrl: string, fallback: string): string {
  try {
    const url = new URL(docUrl);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.host;
  } catch {
    // not a URL: a name
  }
  return fallback;
}

/**
 * True when two key lists carry different guids of the same feed: then they are different
 * articles, even if they share a URL (feeds that link every item to their home page).
 */
export function conflictingGuids(a: readonly string[], b: readonly string[]): boolean {
  const scopes = new Map<string, string>();
  for (const key of a) {
    if (key.startsWith('guid:')) scopes.set(key.slice(0, key.indexOf('|') + 1), key);
  }
  return b.some((key) => {
    if (!key.startsWith('guid:')) return false;
    const other = scopes.get(key.slice(0, key.indexOf('|') + 1));
    return other !== undefined && other !== key;
  });
}
