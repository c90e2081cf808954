import { FEED_ERROR_CODES, FeedError } from '../../shared/feed/errors';
import type { SyncFailure } from '../../shared/messages';

/** Thrown for a channel id that is not in the directory. */
export class UnknownChannelError extends Error {
  override readonly name = 'UnknownChannelError';
}

/** What was asked for but has never been stored on this device. */
export type MissingThing = 'directory' | 'channel' | 'page' | 'article';

const MISSING_MESSAGES: Record<MissingThing, string> = {
  directory: '频道列表还没有下载，联网后即可阅读。',
  channel: '这个频道还没有下载，联网后即可阅读。',
  page: '这一页还没有下载，联网后即可阅读。',
  article: '这篇文章尚未下载，联网后即可阅读。',
};

/**
 * Offline (or the server unreachable) and nothing stored: the reader should be
 * told plainly that this was never downloaded, not shown a network error.
 */
export class NotDownloadedError extends Error {
  override readonly name = 'NotDownloadedError';

  constructor(
    readonly what: MissingThing,
    options?: { cause?: unknown },
  ) {
    super(`Not stored on this device and the network is unreachable: ${what}`, options);
  }

  /** The sentence readers see. */
  get userMessage(): string {
    return MISSING_MESSAGES[this.what];
  }
}

const FEED_CODES = new Set<string>(FEED_ERROR_CODES);

function isFeedCode(code: string): code is FeedError['code'] {
  return FEED_CODES.has(code);
}

/**
 * A failure reported by the worker, as an Error the views already know how to
 * explain (FeedErrors carry their Chinese sentence).
 */
export function failureToError(failure: SyncFailure): Error {
  if (isFeedCode(failure.code)) {
    return new FeedError(failure.code, failure.message, failure.httpStatus);
  }
  const error = new Error(failure.message);
  error.name = failure.code === 'storage' ? 'StorageError' : 'SyncError';
  return error;
}

/** True for a failure that means "no connection" rather than "the server said no". */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof FeedError && error.code === 'network';
}

/**
 * Turns a failed fetch of something never stored into {@link NotDownloadedError}
 * when the cause is being offline; any other failure (a broken feed, a 500)
 * stays as it is so the reader sees what really went wrong.
 */
export function missingOr(error: unknown, what: MissingThing): unknown {
  if (isNetworkFailure(error) || navigator.onLine === false) {
    return new NotDownloadedError(what, { cause: error });
  }
  return error;
}

/** The reader's sentence for a failure the worker reported (a failed download, say). */
export function userMessageOfFailure(failure: SyncFailure): string {
  const error = failureToError(failure);
  if (error instanceof FeedError) return error.userMessage;
  if (failure.code === 'storage') return '本机存储空间不足或不可用。';
  return '出了点问题，请稍后重试。';
}
