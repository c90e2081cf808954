import type { MediaNs } from 'feedsmith';
import { resolveHttpUrl } from '../../shared/feed/index';
import type { IngestItem, ReadDocument } from '../model';

/** Helpers shared by the RSS, RDF, Atom and JSON Feed readers. */

/** A mutable draft of an item; {@link finishItem} drops what is empty. */
export type ItemDraft = { -readonly [K in keyof IngestItem]: IngestItem[K] };

/**
 * The base URL in scope after an `xml:base` (RFC 3986 resolution against the
 * outer base). An unresolvable `xml:base` is ignored rather than losing the
 * outer base.
 */
export function resolveBase(
  xmlBase: string | undefined,
  outer: string | undefined,
): string | undefined {
  if (xmlBase === undefined || xmlBase.trim() === '') return outer;
  try {
    return new URL(xmlBase.trim(), outer).href;
  } catch {
    return outer;
  }
}

/** `value` as an absolute http(s) URL, resolved against `base` (the contract's URL rules), or undefined. */
export function httpUrl(value: string | undefined, base: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  // about:blank cannot be a base: relative values without a real base are refused.
  return resolveHttpUrl(value, base ?? 'about:blank');
}

/** Whether `value` is itself an absolute http(s) URL (for `guidIsUrl`). */
export function isHttpUrl(value: string): boolean {
  return httpUrl(value, undefined) !== undefined;
}

/** A trimmed string, or undefined for a non-string or a blank one. */
export function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Trimmed, non-empty, first occurrence kept, order kept. */
export function uniqueStrings(values: Iterable<string | undefined>): string[] {
  const seen = new Set<string>();
  for (const value of values) {
    const trimmed = value?.trim();
    if (trimmed) seen.add(trimmed);
  }
  return [...seen];
}

function isImage(type: string | undefined, medium?: string): boolean {
  return medium?.toLowerCase() === 'image' || (type?.toLowerCase().startsWith('image/') ?? false);
}

/** An enclosure-like entry is an image when its MIME type says so. */
export function imageOfEnclosures(
  enclosures: readonly { readonly url?: string; readonly type?: string }[] | undefined,
  base: string | undefined,
): string | undefined {
  for (const enclosure of enclosures ?? []) {
    if (isImage(enclosure.type)) {
      const url = httpUrl(enclosure.url, base);
      if (url) return url;
    }
  }
  return undefined;
}

/** The lead image of Media RSS data: an image `media:content` (also in groups), else a thumbnail. */
export function imageOfMedia(
  media: MediaNs.ItemOrFeed | undefined,
  base: string | undefined,
): string | undefined {
  if (!media) return undefined;
  const contents = [
    ...(media.contents ?? []),
    ...(media.groups ?? []).flatMap((g) => g.contents ?? []),
  ];
  for (const content of contents) {
    if (isImage(content.type, content.medium)) {
      const url = httpUrl(content.url, base);
      if (url) return url;
    }
  }
  const thumbnails = [
    ...(media.thumbnails ?? []),
    ...contents.flatMap((c) => c.thumbnails ?? []),
    ...(media.groups ?? []).flatMap((g) => g.thumbnails ?? []),
  ];
  for (const thumbnail of thumbnails) {
    const url = httpUrl(thumbnail.url, base);
    if (url) return url;
  }
  return undefined;
}

/** The item without undefined fields, empty strings or empty arrays. */
export function finishItem(draft: ItemDraft): IngestItem {
  const item: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(draft)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    item[key] = value;
  }
  return item as IngestItem;
}

/** Whether an item has nothing at all of its own (what is inherited from the feed does not count). */
export function isEmptyItem(item: IngestItem): boolean {
  return Object.keys(item).length === 0;
}

/**
 * Reads every raw item; an item with nothing of its own is reported in
 * `skipped`, the others get the feed-level fields (`inherit`: the feed's
 * language, authors) where they have none.
 */
export function collectItems<T>(
  raw: readonly T[],
  read: (item: T) => IngestItem,
  inherit: IngestItem,
  element: string,
): Pick<ReadDocument, 'items' | 'skipped'> {
  const inherited = finishItem(inherit);
  const items: IngestItem[] = [];
  const skipped: string[] = [];
  raw.forEach((entry, index) => {
    const item = read(entry);
    if (isEmptyItem(item)) {
      skipped.push(
        `${element} ${index + 1} has no usable field (no id, link, title, date or content)`,
      );
    } else {
      items.push({ ...inherited, ...item });
    }
  });
  return { items, skipped };
}
