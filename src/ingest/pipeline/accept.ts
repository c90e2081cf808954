import { CHANNELS } from '../../../content/lib/channels';
import type { IngestItem } from '../model';
import type { ContentStore } from '../store/content-store';
import type { StoredArticle } from '../store/records';
import { assignChannels } from './channels';
import type { FeedItem } from './feed-item';
import {
  conflictingGuids,
  deriveId,
  guidScopeOf,
  hash,
  ID_PATTERN,
  identityKeys,
} from './identity';
import { normaliseItem } from './normalise';

/**
 * One item into the store: normalise, recognise, merge.
 *
 * - A new article is added under its derived (or native) id.
 * - The same article again (any identity key in common) gains the channels and keys of the
 *   new copy; its content is replaced only by a copy with a newer `date_modified`, or by a new
 *   copy from the very source whose content it holds (a correction).
 * - Re-ingesting an unchanged source changes nothing.
 */

/** Where an item came from. */
export interface ItemContext {
  /** Stable name of the source (path or URL), recorded in the store. */
  readonly origin: string;
  /** URL of the document the item is in, for relative URLs. */
  readonly docUrl: string;
  /** Channels from `--channel` and the source's default channel. */
  readonly channels: readonly string[];
  /** Native sources choose their articles' ids (`guid` is the id). */
  readonly nativeIds: boolean;
}

/** What happened to one item. */
export type AcceptResult =
  | {
      readonly outcome: 'added' | 'updated' | 'unchanged';
      readonly id: string;
      readonly repairs: readonly string[];
    }
  | { readonly outcome: 'skipped'; readonly reason: string };

const CHANNEL_ORDER = CHANNELS.map((c) => c.id);

/** Accepts one item into `store` (in memory until the store commits). */
export async function acceptItem(
  store: ContentStore,
  raw: IngestItem,
  context: ItemContext,
): Promise<AcceptResult> {
  const normalised = normaliseItem(raw, context.docUrl);
  if (!normalised.ok) return { outcome: 'skipped', reason: normalised.reason };
  const { item, repairs } = normalised;

  let explicitId: string | undefined;
  if (context.nativeIds) {
    explicitId = raw.guid;
    if (!explicitId || !ID_PATTERN.test(explicitId)) {
      return {
        outcome: 'skipped',
        reason: `${item.title}: id "${raw.guid ?? ''}" is not a lower-case slug`,
      };
    }
  }

  const assignment = assignChannels({
    named: [...(raw.channels ?? []), ...context.channels],
    city: raw.city,
    tags: item.tags ?? [],
    title: item.title,
    lead: normalised.lead,
    hasImage: item.image !== undefined,
  });
  const allRepairs = [...repairs, ...assignment.dropped.map((d) => `${item.title}: ${d}`)];
  let keys = identityKeys(
    raw,
    item.title,
    item.date_published,
    guidScopeOf(context.docUrl, context.origin),
    explicitId,
  );
  const inputHash = hash(JSON.stringify([item, assignment.channels, assignment.city ?? null]), 32);

  let existing = store.findByKeys(keys);
  if (existing && conflictingGuids(existing.keys, keys)) {
    // Same link, different guid of the same feed: another article. It keeps its guid and
    // fingerprint; the shared link would make either one findable as the other.
    keys = keys.filter((k) => !existing?.keys.includes(k));
    existing = store.findByKeys(keys);
  }
  if (!existing) {
    let id = explicitId ?? deriveId(keys);
    // Two different keys hashing to one id is astronomically unlikely; still, never overwrite.
    for (let n = 2; store.entry(id); n++) id = `${deriveId(keys)}-${n}`;
    store.put({
      id,
      keys,
      channels: assignment.channels,
      origins: { [context.origin]: assignment.channels },
      contentOrigin: context.origin,
      inputHash,
      ...(normalised.titleDerived ? { titleDerived: true } : {}),
      item: withCity({ id, ...item }, assignment.city),
    });
    return { outcome: 'added', id, repairs: allRepairs };
  }

  const sameKeys = keys.every((k) => existing.keys.includes(k));
  const sameChannels = assignment.channels.every((c) => existing.channels.includes(c));
  if (existing.inputHash === inputHash && sameKeys && sameChannels) {
    return { outcome: 'unchanged', id: existing.id, repairs: allRepairs };
  }

  const old = await store.read(existing.id);
  const newer =
    item.date_modified !== undefined &&
    Date.parse(item.date_modified) > Date.parse(old.item.date_modified ?? old.item.date_published);
  const correction = old.contentOrigin === context.origin && old.inputHash !== inputHash;
  const replace = newer || correction;

  const origins = { ...old.origins, [context.origin]: assignment.channels };
  const channelSet = new Set(Object.values(origins).flat());
  const city = replace
    ? (assignment.city ?? old.item._news?.city)
    : (old.item._news?.city ?? assignment.city);
  if (city) channelSet.add(city);
  const mergedItem = replace ? item : old.item;
  // 图片新闻 needs a lead image, whichever source asked for it.
  if (!mergedItem.image) channelSet.delete('photos');
  const channels = CHANNEL_ORDER.filter((c) => channelSet.has(c));

  // A source's own id wins over one derived from a key (the text capture of a page was stored
  // before the newsroom's file of that article): the article moves to the id its source gave it.
  const id =
    explicitId && explicitId !== old.id && !old.keys.some((k) => k.startsWith('id:'))
      ? explicitId
      : old.id;
  const next: StoredArticle = {
    id,
    keys: [...old.keys, ...keys.filter((k) => !old.keys.includes(k))],
    channels,
    origins: sortedObject(origins),
    contentOrigin: replace ? context.origin : old.contentOrigin,
    inputHash: replace ? inputHash : old.inputHash,
    ...((replace ? normalised.titleDerived : old.titleDerived) ? { titleDerived: true } : {}),
    item: withCity(replace ? { id, ...item } : { ...old.item, id }, city),
  };
  if (JSON.stringify(next) === JSON.stringify(old)) {
    return { outcome: 'unchanged', id: old.id, repairs: allRepairs };
  }
  if (id !== old.id) store.remove(old.id, id);
  store.put(next);
  return { outcome: 'updated', id, repairs: allRepairs };
}

/** The item with `_news.city` set to `city` (or removed), keeping field order stable. */
function withCity(item: FeedItem, city: string | undefined): FeedItem {
  const news = { ...item._news };
  delete news.city;
  if (city) news.city = city;
  const base = { ...item };
  delete base._news;
  return Object.keys(news).length > 0 ? { ...base, _news: news } : base;
}

function sortedObject<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(
    Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}
