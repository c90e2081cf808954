import { feedDocument, feedItem } from './fixtures/feed/load';

/**
 * A fake network for the sync-* tests: answers by URL, records every request
 * with its headers, and serves ETag / Last-Modified like a static file server.
 */

/** A request the fake network received. */
export interface RecordedRequest {
  readonly url: string;
  readonly headers: Headers;
}

/** What the fake network answers for one URL. */
export type Route =
  | { readonly json: unknown; readonly etag?: string; readonly lastModified?: string }
  | { readonly status: number; readonly body?: string }
  | { readonly text: string; readonly contentType?: string }
  | { readonly hang: true }
  /** No answer at all (no network): fetch rejects, as the browser's does. */
  | { readonly unreachable: true };

/** A fetch double over `routes` (mutable: tests change answers between syncs). */
export function fakeNetwork(routes: Map<string, Route>): {
  fetch: typeof fetch;
  requests: RecordedRequest[];
} {
  const requests: RecordedRequest[] = [];
  const fetchDouble: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const headers = new Headers(init?.headers);
    requests.push({ url, headers });
    const route = routes.get(url);
    if (!route) return Promise.resolve(withUrl(url, new Response('not found', { status: 404 })));
    if ('unreachable' in route) return Promise.reject(new TypeError('Failed to fetch'));
    if ('hang' in route) {
      return new Promise((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    }
    if ('status' in route) {
      return Promise.resolve(
        withUrl(url, new Response(route.body ?? null, { status: route.status })),
      );
    }
    if ('text' in route) {
      const init = route.contentType ? { headers: { 'Content-Type': route.contentType } } : {};
      return Promise.resolve(withUrl(url, new Response(route.text, init)));
    }
    const etagMatches = route.etag !== undefined && headers.get('If-None-Match') === route.etag;
    const dateMatches =
      route.lastModified !== undefined && headers.get('If-Modified-Since') === route.lastModified;
    const validators: Record<string, string> = {
      ...(route.etag && { ETag: route.etag }),
      ...(route.lastModified && { 'Last-Modified': route.lastModified }),
    };
    if (etagMatches || dateMatches) {
      return Promise.resolve(
        withUrl(url, new Response(null, { status: 304, headers: validators })),
      );
    }
    return Promise.resolve(
      withUrl(
        url,
        new Response(JSON.stringify(route.json), {
          headers: { 'Content-Type': 'application/feed+json', ...validators },
        }),
      ),
    );
  };
  return { fetch: fetchDouble, requests };
}

function withUrl(url: string, response: Response): Response {
  Object.defineProperty(response, 'url', { value: url });
  return response;
}

/** A JSON Feed page of items with the given ids, optionally pointing to a next page. */
export function feedJson(ids: readonly string[], nextUrl?: string, itemExtra = {}): unknown {
  return feedDocument(
    ids.map((id) => feedItem(id, itemExtra)),
    nextUrl === undefined ? {} : { next_url: nextUrl },
  );
}
