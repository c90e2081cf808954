import type { FeedMetaRecord } from '../store/index';

/**
 * Conditional requests: with the stored ETag / Last-Modified, an unchanged
 * feed costs a 304 and a few hundred bytes instead of the whole document.
 */

/**
 * Request headers that make the request conditional on what is stored, or
 * none. Only send them when the content they validate is actually stored:
 * a 304 for something we do not have would leave nothing to show.
 */
export function conditionalHeaders(meta: FeedMetaRecord | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (meta?.etag) headers['If-None-Match'] = meta.etag;
  if (meta?.lastModified) headers['If-Modified-Since'] = meta.lastModified;
  return headers;
}

/** The validators of a response, to store for the next conditional request. */
export function validatorsOf(response: Response): { etag?: string; lastModified?: string } {
  const etag = response.headers.get('ETag');
  const lastModified = response.headers.get('Last-Modified');
  return {
    ...(etag !== null && { etag }),
    ...(lastModified !== null && { lastModified }),
  };
}
