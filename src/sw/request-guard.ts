import { LIMITS } from '../shared/feed/limits';
import type { WorkerRequest } from '../shared/messages';

/**
 * Checks that a message is a WorkerRequest before the worker acts on it. Pages
 * are same-origin and typed, but a page of an older version (still open in a
 * tab during an update) may send a shape this worker no longer knows.
 */

/** workbox-window's `messageSkipWaiting()` sends this fixed message (no port, no id). */
const WORKBOX_SKIP_WAITING = 'SKIP_WAITING';

/** Most pages one download may follow per channel (the settings offer 1–5). */
const MAX_DEPTH = 10;

/** Most ids a page may say it shows of one feed page (a page holds at most LIMITS.itemsPerPage). */
const MAX_SHOWN_IDS = LIMITS.itemsPerPage;

/** How far ahead of the worker's clock a page's `readAt` may be (clocks of one device agree). */
const READ_CLOCK_SLACK_MS = 60_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 2048;
}

function isHttpUrl(value: unknown): value is string {
  if (!isText(value)) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The request in `data`, or undefined when it is not one. workbox-window's
 * `{ type: 'SKIP_WAITING' }` becomes a `skip-waiting` request with an empty id.
 */
export function parseWorkerRequest(data: unknown): WorkerRequest | undefined {
  if (!isRecord(data)) return undefined;
  if (data.type === WORKBOX_SKIP_WAITING) return { type: 'skip-waiting', requestId: '' };
  const { requestId } = data;
  if (!isText(requestId)) return undefined;
  switch (data.type) {
    case 'sync-directory':
    case 'resume-downloads':
    case 'repair-shell':
    case 'prune-images':
    case 'skip-waiting':
      return { type: data.type, requestId };
    case 'sync-page': {
      const { channelId, pageIndex, pageUrl } = data;
      if (!isText(channelId) || !isHttpUrl(pageUrl)) return undefined;
      if (typeof pageIndex !== 'number' || !Number.isInteger(pageIndex) || pageIndex < 0) {
        return undefined;
      }
      const { shownIds } = data;
      if (shownIds === undefined) {
        return { type: 'sync-page', requestId, channelId, pageIndex, pageUrl };
      }
      if (!Array.isArray(shownIds) || shownIds.length > MAX_SHOWN_IDS) return undefined;
      if (!shownIds.every(isText)) return undefined;
      return {
        type: 'sync-page',
        requestId,
        channelId,
        pageIndex,
        pageUrl,
        shownIds: shownIds as string[],
      };
    }
    case 'set-position': {
      const { articleId, fraction } = data;
      if (!isText(articleId) || typeof fraction !== 'number') return undefined;
      if (!Number.isFinite(fraction) || fraction < 0 || fraction > 1) return undefined;
      return { type: 'set-position', requestId, articleId, fraction };
    }
    case 'sync-article': {
      const { articleId, readAt } = data;
      if (!isText(articleId)) return undefined;
      if (readAt === undefined) return { type: 'sync-article', requestId, articleId };
      // A read is recorded for a moment that has been, not for one a page makes up.
      if (typeof readAt !== 'number' || !Number.isFinite(readAt) || readAt <= 0) return undefined;
      if (readAt > Date.now() + READ_CLOCK_SLACK_MS) return undefined;
      return { type: 'sync-article', requestId, articleId, readAt };
    }
    case 'download': {
      const { channelIds, depth, images } = data;
      if (!Array.isArray(channelIds) || channelIds.length === 0) return undefined;
      if (!channelIds.every(isText)) return undefined;
      if (typeof depth !== 'number' || !Number.isInteger(depth)) return undefined;
      if (depth < 1 || depth > MAX_DEPTH || typeof images !== 'boolean') return undefined;
      return { type: 'download', requestId, channelIds: channelIds as string[], depth, images };
    }
    case 'save-article': {
      const { articleId } = data;
      if (!isText(articleId)) return undefined;
      return { type: 'save-article', requestId, articleId };
    }
    case 'cancel-download': {
      const { downloadId } = data;
      if (!isText(downloadId)) return undefined;
      return { type: 'cancel-download', requestId, downloadId };
    }
    default:
      return undefined;
  }
}
