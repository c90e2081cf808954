/**
 * Totals of a recorded first visit, per kind of request. Pure, so a unit test can
 * hold the byte budgets on recorded data (sizes are deterministic; times are not).
 */

/** What a request was for, as the budgets count it. */
export type RequestKind =
  'script' | 'stylesheet' | 'document' | 'font' | 'image' | 'fetch' | 'manifest' | 'other';

/** One request of a first visit, as bench/first-visit.ts records it. */
export interface RecordedRequest {
  /** Path and query for a same-origin request, the full URL otherwise. */
  readonly url: string;
  readonly sameOrigin: boolean;
  readonly kind: RequestKind;
  readonly status: number;
  /** The service worker made it (a precache download), not the page. */
  readonly byServiceWorker: boolean;
  /** Body bytes as they came over the wire (content-encoded); 0 when the browser did not say. */
  readonly encodedBytes: number;
  /** The decoded body's size. */
  readonly rawBytes: number;
  /** The decoded body gzipped at level 9, as the server precompresses files. */
  readonly gzipBytes: number;
}

/** The sum of one kind's requests. */
export interface KindTotal {
  readonly kind: RequestKind;
  readonly count: number;
  readonly encodedBytes: number;
  readonly rawBytes: number;
  readonly gzipBytes: number;
  readonly urls: readonly string[];
}

/** A first visit's totals: the page's requests and the worker's, kept apart. */
export interface FirstVisitTotals {
  readonly page: readonly KindTotal[];
  readonly serviceWorker: readonly KindTotal[];
}

const KIND_ORDER: readonly RequestKind[] = [
  'document',
  'script',
  'stylesheet',
  'font',
  'image',
  'fetch',
  'manifest',
  'other',
];

/** Maps Playwright's `request.resourceType()` to the kinds the budgets count. */
export function kindOf(resourceType: string): RequestKind {
  switch (resourceType) {
    case 'script':
    case 'stylesheet':
    case 'document':
    case 'font':
    case 'image':
    case 'manifest':
      return resourceType;
    case 'fetch':
    case 'xhr':
    case 'eventsource':
      return 'fetch';
    default:
      return 'other';
  }
}

function sumByKind(requests: readonly RecordedRequest[]): KindTotal[] {
  return KIND_ORDER.flatMap((kind) => {
    const ofKind = requests.filter((request) => request.kind === kind);
    if (ofKind.length === 0) return [];
    const sum = (pick: (request: RecordedRequest) => number): number =>
      ofKind.reduce((total, request) => total + pick(request), 0);
    return [
      {
        kind,
        count: ofKind.length,
        encodedBytes: sum((request) => request.encodedBytes),
        rawBytes: sum((request) => request.rawBytes),
        gzipBytes: sum((request) => request.gzipBytes),
        urls: ofKind.map((request) => request.url),
      },
    ];
  });
}

/** Totals per kind (kinds with no request left out), the page's and the worker's apart. */
export function firstVisitTotals(requests: readonly RecordedRequest[]): FirstVisitTotals {
  return {
    page: sumByKind(requests.filter((request) => !request.byServiceWorker)),
    serviceWorker: sumByKind(requests.filter((request) => request.byServiceWorker)),
  };
}

/** The page's gzip bytes of one kind (0 when it made no such request). */
export function pageGzipBytes(totals: FirstVisitTotals, kind: RequestKind): number {
  return totals.page.find((total) => total.kind === kind)?.gzipBytes ?? 0;
}
