import { createObservable } from './observable';

/**
 * Where the reader opened an article from. The article page uses it to pick
 * 相关新闻 from the same channel and the header uses it to mark that channel as
 * current, like the portal does.
 */
const origins = new Map<string, string>();

/** Records that article `articleId` was opened from channel `channelId`. */
export function rememberOrigin(articleId: string, channelId: string): void {
  origins.set(articleId, channelId);
}

/** The channel the reader opened `articleId` from in this visit, if known. */
export function originOf(articleId: string): string | undefined {
  return origins.get(articleId);
}

/** The channel of the article on screen (for aria-current in the header), if any. */
export const articleChannel = createObservable<string | undefined>(undefined);
