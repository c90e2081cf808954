import { parseArticleDocument } from '../feed/parse';
import { absoluteUrl } from '../feed/urls';
import type { SyncOutcome } from '../sync-result';
import type { StoreDb } from '../store/index';
import { getArticleRecord, getFeedMeta } from '../store/index';
import { putArticleDocument } from '../store/article-document';
import { validatorsOf } from './conditional';
import { syncDocument } from './fetch-step';
import type { SyncOptions } from './options';

const NOT_MODIFIED: SyncOutcome = { status: 'not-modified', added: 0, changed: 0, skipped: 0 };

/**
 * Fetches article `articleId`'s own document (`documentUrl`, see
 * articleDocumentUrl and docs/feed-format.md, "One document per article"),
 * validates it as a feed page and stores that one article (putArticleDocument).
 * The request is conditional only while the article is stored, so a 304
 * never stands for something this device does not have.
 *
 * The document is optional for producers, so its failures are ordinary: the
 * caller falls back to reading the channels.
 * @throws FeedError (network, timeout, http — a 404 when the producer does not
 *   publish it —, too-large, json, schema) after recording it against the
 *   document's URL; `schema` too when the document is valid but holds no usable
 *   item `articleId` (the other items of a document that holds more are
 *   ignored); StoreError when IndexedDB fails; the signal's reason when aborted.
 */
export async function syncArticleDocument(
  db: StoreDb,
  articleId: string,
  documentUrl: string,
  opts: SyncOptions = {},
): Promise<SyncOutcome> {
  const url = absoluteUrl(documentUrl);
  const [meta, stored] = await Promise.all([getFeedMeta(db, url), getArticleRecord(db, articleId)]);
  return syncDocument(
    db,
    url,
    meta,
    stored !== undefined,
    opts,
    (doc, fetchedAt) =>
      putArticleDocument(db, parseArticleDocument(doc.json, doc.url, articleId), {
        ...validatorsOf(doc.response),
        url,
        fetchedAt,
      }),
    () => NOT_MODIFIED,
  );
}
