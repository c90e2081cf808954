import type { Article } from '../feed/types';
import type { SyncOutcome } from '../sync-result';
import { articleJson, utf8Length } from './bytes';
import type { DocumentMeta } from './feeds';
import { metaRecord } from './feeds';
import { articlesChanged, storeHooks } from './hooks';
import type { StoredArticle } from './records';
import { writeWithRoom } from './room';
import type { StoreDb } from './schema';
import { SEARCH_STORES, searchStores, updateSearchIndex } from './search-index';
import { inTransaction, PendingWrites } from './transaction';

/*
 * Writing an article read from its own document. Only the sync code (service
 * worker, or the page's lazily loaded fallback) writes these, so this module
 * is kept out of store/index.ts, which the page's first load imports.
 */

/**
 * Stores one article read from its own document (docs/feed-format.md, "One
 * document per article") and the HTTP state of that document (`meta.url`), in
 * one transaction with the search index, like {@link putFeedPage} does for a
 * page. An article already stored keeps the channels that list it (and its
 * `storedAt` unless its content changed); a new one is listed by no channel
 * (`channelIds` empty) until a channel page lists it, and stays as long as
 * eviction allows (opening it marks it read, which keeps it longest).
 * @returns `added` 1 for a new article, `changed` 1 for new content, both 0 when it was the same.
 * @throws StoreError when IndexedDB fails (StoreQuotaError when there is no room even after eviction).
 */
export function putArticleDocument(
  db: StoreDb,
  article: Article,
  meta: DocumentMeta & { readonly url: string },
): Promise<SyncOutcome> {
  const fetchedAt = meta.fetchedAt ?? Date.now();
  const json = articleJson(article);
  const bytes = utf8Length(json);
  const write = (): Promise<SyncOutcome> =>
    inTransaction(
      db,
      ['articles', 'feedMeta', ...SEARCH_STORES],
      async (tx) => {
        const articles = tx.objectStore('articles');
        const stored = await articles.get(article.id);
        const isNew = stored === undefined;
        const isChanged = !isNew && articleJson(stored.article) !== json;
        const writes = new PendingWrites();
        if (isNew || isChanged) {
          const record: StoredArticle = {
            article,
            channelIds: stored?.channelIds ?? [],
            storedAt: fetchedAt,
            bytes,
          };
          writes.add(articles.put(record));
          await updateSearchIndex(
            searchStores(tx),
            [record],
            [],
            storeHooks(db).indexer,
            writes,
            () => isNew,
          );
        }
        writes.add(tx.objectStore('feedMeta').put(metaRecord(meta.url, meta, fetchedAt)));
        await writes.settle();
        return {
          status: 'updated',
          added: isNew ? 1 : 0,
          changed: isChanged ? 1 : 0,
          skipped: 0,
        };
      },
      // Like a feed page: it can always be fetched again.
      'relaxed',
    );
  return writeWithRoom(db, 'putArticleDocument', write, bytes).then((outcome) => {
    if (outcome.status === 'updated' && outcome.added + outcome.changed > 0) {
      articlesChanged(db, [article.id]);
    }
    return outcome;
  });
}
