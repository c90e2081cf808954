/**
 * Why the store could not do what was asked. Like FeedError, each error has a
 * developer-facing `message` and a Chinese `userMessage` for readers.
 */

/** Any failure of the IndexedDB store (the `storage` code of a SyncFailure). */
export class StoreError extends Error {
  override readonly name: string = 'StoreError';

  /** What to tell the reader, in Chinese. */
  readonly userMessage: string = '保存到本机时出错，内容将直接从网络读取。';
}

/** Why IndexedDB could not be opened. */
export type UnavailableReason =
  /** No IndexedDB in this context (old browser, some private modes). */
  | 'missing'
  /** Another tab or worker holds an older version open and does not let go. */
  | 'blocked'
  /** The open request neither succeeded nor failed in time. */
  | 'timeout'
  /** The open request failed (disk error, newer schema on disk, security policy). */
  | 'failed'
  /** The browser closed the connection under us again after the one reopen (see connection.ts). */
  | 'lost';

/**
 * IndexedDB is missing, blocked or failed to open. The app then works
 * network-only and tells the reader that offline reading is off.
 */
export class StoreUnavailableError extends StoreError {
  override readonly name = 'StoreUnavailableError';

  constructor(
    readonly reason: UnavailableReason,
    detail: string,
    options?: ErrorOptions,
  ) {
    super(detail, options);
  }

  override readonly userMessage: string = '本机存储不可用，内容将直接从网络读取，离线时无法阅读。';
}

/**
 * A write did not fit even after evicting every article that may go (saved
 * articles never do). Clearing offline content in Settings makes room.
 */
export class StoreQuotaError extends StoreError {
  override readonly name = 'StoreQuotaError';

  override readonly userMessage: string = '本机存储空间已满，请在设置中清除部分离线内容。';
}

/** True for the browser's "no space left for this origin" failure, however it arrives. */
export function isQuotaError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    (error as { name: unknown }).name === 'QuotaExceededError'
  );
}

/** Wraps a failed IndexedDB operation so callers see one error type with a cause. */
export function storeFailure(action: string, error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new StoreError(`IndexedDB ${action} failed: ${reason}`, { cause: error });
}
