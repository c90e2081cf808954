import { articleDocumentUrl } from '../../shared/feed/article-url';

/**
 * Where the feed API is (FEED_BASE, fixed at build time; it may be another
 * origin). Every other URL comes from the documents themselves, except an
 * article's own document, whose URL the contract derives from its id.
 */
const feedBase = new URL(import.meta.env.FEED_BASE, location.href);

/** Absolute URL of channels.json. */
export const DIRECTORY_URL = new URL('channels.json', feedBase).href;

/** Absolute URL of article `id`'s own document (`articles/{id}.json`, which producers may omit). */
export function articleDocumentUrlOf(id: string): string {
  return articleDocumentUrl(feedBase.href, id);
}
