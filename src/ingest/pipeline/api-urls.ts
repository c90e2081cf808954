/**
 * Files that live in the API itself (the demo's pool images) are referenced relatively, so
 * the API works wherever it is published. Inside the pipeline every URL is absolute (the
 * sanitizer only keeps absolute http(s) URLs), so API files get this placeholder origin;
 * `.invalid` is reserved (RFC 2606) and can never resolve to a real host. The API writer
 * turns placeholder URLs back into paths relative to the document they appear in.
 */
export const API_PLACEHOLDER = 'https://qilu-api.invalid/';

/** The placeholder URL of a file at `path` (relative to the API root). */
export function apiFileUrl(path: string): string {
  return `${API_PLACEHOLDER}${path}`;
}

/**
 * A URL as written into a document one folder deep in the API (`feeds/…`, `articles/…`):
 * placeholder URLs become `../<path>`, anything else stays absolute.
 */
export function urlFromApiDocument(url: string): string {
  return url.startsWith(API_PLACEHOLDER) ? `../${url.slice(API_PLACEHOLDER.length)}` : url;
}
