import { createHash } from 'node:crypto';
import { hash } from '../pipeline/identity';
import type { FeedItem } from '../pipeline/feed-item';
import type { ContentStore } from '../store/content-store';
import type { IndexEntry } from '../store/records';
import {
  articleDocument,
  articleDocumentPath,
  channelPageDocument,
  directoryDocument,
  FEED_CONTENT_TYPE,
  JSON_CONTENT_TYPE,
} from './documents';
import { channelLayout } from './layout';
import type { SiteConfig } from './site';

/**
 * The API as a plan: every file it consists of, each with a signature that changes exactly
 * when the file's bytes would, and a way to render it. Planning reads only the store's index,
 * so an incremental build compares signatures and renders (reading articles) only what changed.
 */

/** One planned file. */
export interface PlannedFile {
  readonly signature: string;
  readonly contentType: string;
  readonly render: () => Promise<string | Uint8Array>;
}

/** 滚动 holds every article, newest first. */
const LATEST = 'latest';

/** Content-Types of asset files by extension. */
const ASSET_TYPES: Readonly<Record<string, string>> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};

/** Newest first; ties broken by id so the order never depends on input order. */
function newestFirst(a: IndexEntry, b: IndexEntry): number {
  return b.published - a.published || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Plans every file of the API for `store`. Paths are relative to the API root. */
export function planApi(store: ContentStore, site: SiteConfig): Map<string, PlannedFile> {
  const plan = new Map<string, PlannedFile>();
  const directory = directoryDocument(site);
  plan.set('channels.json', {
    signature: hash(directory, 32),
    contentType: JSON_CONTENT_TYPE,
    render: () => Promise.resolve(directory),
  });

  const all = [...store.entries()].sort(newestFirst);
  const members = new Map<string, IndexEntry[]>(site.channels.map((c) => [c.id, []]));
  for (const entry of all) {
    for (const channel of entry.channels) members.get(channel)?.push(entry);
  }
  members.set(LATEST, all);

  const readItems = async (entries: readonly IndexEntry[]): Promise<FeedItem[]> =>
    Promise.all(entries.map(async (e) => (await store.read(e.id)).item));

  for (const channel of site.channels) {
    const list = members.get(channel.id) ?? [];
    for (const page of channelLayout(channel.id, list.length)) {
      const entries = list.slice(page.start, page.end);
      plan.set(`feeds/${page.name}`, {
        signature: hash(
          [
            channel.title,
            page.next ?? '',
            site.homePageUrl,
            ...entries.map((e) => e.itemHash),
          ].join('|'),
          32,
        ),
        contentType: FEED_CONTENT_TYPE,
        render: async () => channelPageDocument(site, channel, page.next, await readItems(entries)),
      });
    }
  }

  // One hash of what every article document shares, so 100,000 signatures cost no hashing.
  const siteTag = hash(`${site.homePageUrl}|${site.language}`, 8);
  for (const entry of all) {
    plan.set(articleDocumentPath(entry.id), {
      signature: `${siteTag}${entry.itemHash}`,
      contentType: FEED_CONTENT_TYPE,
      render: async () => articleDocument(site, (await store.read(entry.id)).item),
    });
  }

  for (const file of store.assets()) {
    const extension = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
    plan.set(file, {
      // Assets are small and few (the demo's images): hashing their bytes is the simplest truth.
      signature: '',
      contentType: ASSET_TYPES[extension] ?? 'application/octet-stream',
      render: () => store.readAsset(file),
    });
  }
  return plan;
}

/** Fills in asset signatures (they need the bytes). */
export async function signAssets(plan: Map<string, PlannedFile>): Promise<void> {
  for (const [file, planned] of plan) {
    if (planned.signature !== '') continue;
    const data = await planned.render();
    const digest = createHash('sha256').update(data).digest('hex').slice(0, 32);
    plan.set(file, { ...planned, signature: digest });
  }
}

/** Renders the whole API into memory (the Vite build, tests). */
export async function renderApi(
  plan: ReadonlyMap<string, PlannedFile>,
): Promise<Map<string, { body: string | Uint8Array; contentType: string }>> {
  const files = new Map<string, { body: string | Uint8Array; contentType: string }>();
  for (const [file, planned] of [...plan].sort(([a], [b]) => (a < b ? -1 : 1))) {
    files.set(file, { body: await planned.render(), contentType: planned.contentType });
  }
  return files;
}
