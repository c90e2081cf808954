/**
 * Checks over the native article records before they become ingest items. Feed documents
 * themselves are written by the ingest pipeline (src/ingest/api), the one path from content
 * to API.
 */
import { ContentError } from './errors';
import type { ArticleRecord } from './model';

/** Fails the build when two records share an id, naming both places. */
export function assertUniqueIds(records: readonly ArticleRecord[]): void {
  const seen = new Map<string, ArticleRecord>();
  for (const r of records) {
    const first = seen.get(r.id);
    if (first) {
      throw new ContentError(r.origin, 'id', `"${r.id}" is already used by ${first.origin}`);
    }
    seen.set(r.id, r);
  }
}
