import type { Page } from '@playwright/test';

/** Records of version 1 of the database (src/shared/store/schema.ts), as a test writes them. */
export interface Version1Records {
  readonly articles: readonly unknown[];
  readonly page?: unknown;
  readonly meta?: unknown;
  readonly directory?: unknown;
}

/**
 * Creates version 1 of the app's database in `page` (a page of the app's origin that is not
 * the app, e.g. /robots.txt), exactly as src/shared/store/schema.ts describes it, with
 * `records` in it. With `hold`, the page keeps its connection open and ignores requests to
 * close it: an old tab that blocks every upgrade until it is closed.
 */
export async function createVersion1(
  page: Page,
  dbName: string,
  records: Version1Records,
  hold = false,
): Promise<void> {
  await page.evaluate(
    async ({ name, data, keepOpen }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name, 1);
        open.onupgradeneeded = () => {
          const v1 = open.result;
          const articles = v1.createObjectStore('articles', { keyPath: 'article.id' });
          articles.createIndex('channelId', 'channelIds', { multiEntry: true });
          v1.createObjectStore('channelPages', { keyPath: ['channelId', 'pageIndex'] });
          v1.createObjectStore('feedMeta', { keyPath: 'url' });
          v1.createObjectStore('directory');
        };
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('open failed'));
      });
      const tx = db.transaction(['articles', 'channelPages', 'feedMeta', 'directory'], 'readwrite');
      for (const article of data.articles) tx.objectStore('articles').put(article);
      if (data.page) tx.objectStore('channelPages').put(data.page);
      if (data.meta) tx.objectStore('feedMeta').put(data.meta);
      if (data.directory) tx.objectStore('directory').put(data.directory, 'current');
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('write failed'));
      });
      if (keepOpen) {
        // An old tab that never closes its connection: no onversionchange handler.
        (window as unknown as { heldDb: IDBDatabase }).heldDb = db;
      } else {
        db.close();
      }
    },
    { name: dbName, data: records, keepOpen: hold },
  );
}
