import type { Article, ChannelDirectory } from '../../shared/feed/types';
import type { StoredVersion } from '../../shared/messages';
import type { CachedDirectory, ChannelPage } from './cache';

/**
 * Telling whether the copy in memory is the one IndexedDB holds, without
 * serialising either. The revision (src/shared/sync/version.ts) answers when
 * both sides have one; a document served without validators has none, and is
 * compared by what a reader sees change: which articles, in which order, and
 * their dates and titles (not their whole bodies).
 */

/** A copy of a feed document held in memory (a channel page or the directory). */
interface Copy {
  readonly revision?: string;
}

/** Whether `copy` is the stored copy `stored` names (false when either has no revision). */
export function holdsVersion(copy: Copy | undefined, stored: StoredVersion | undefined): boolean {
  return copy?.revision !== undefined && copy.revision === stored?.revision;
}

/** `copy` with the fetch time of `stored` when that is later (a 304 moves only the time). */
export function withFetchTime<T extends Copy & { readonly fetchedAt: number }>(
  copy: T,
  stored: StoredVersion,
): T {
  return stored.fetchedAt > copy.fetchedAt ? { ...copy, fetchedAt: stored.fetchedAt } : copy;
}

function sameArticle(a: Article, b: Article): boolean {
  return (
    a.id === b.id &&
    a.title === b.title &&
    a.datePublished === b.datePublished &&
    a.dateModified === b.dateModified
  );
}

/** Whether two copies of a channel page show the same thing (their fetch times aside). */
export function samePage(a: ChannelPage, b: ChannelPage): boolean {
  if (a.revision !== undefined && b.revision !== undefined) return a.revision === b.revision;
  return (
    a.url === b.url &&
    a.nextUrl === b.nextUrl &&
    a.items.length === b.items.length &&
    a.items.every((item, i) => {
      const other = b.items[i];
      return other !== undefined && sameArticle(item, other);
    })
  );
}

function sameChannels(a: ChannelDirectory, b: ChannelDirectory): boolean {
  return (
    a.title === b.title &&
    a.channels.length === b.channels.length &&
    a.channels.every((channel, i) => {
      const other = b.channels[i];
      return (
        other !== undefined &&
        channel.id === other.id &&
        channel.title === other.title &&
        channel.kind === other.kind &&
        channel.feedUrl === other.feedUrl
      );
    })
  );
}

/** Whether two copies of the directory list the same channels (their fetch times aside). */
export function sameDirectory(a: CachedDirectory, b: CachedDirectory): boolean {
  if (a.revision !== undefined && b.revision !== undefined) return a.revision === b.revision;
  return sameChannels(a.directory, b.directory);
}
