import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  getUserArticle,
  openStore,
  setSaved,
  storeConnection,
  StoreUnavailableError,
} from '../../src/shared/store/index';
import type { StoreDb } from '../../src/shared/store/index';
import { loseConnection, uniqueName } from './store-fixtures';

/**
 * A connection the browser closes under us (storage cleared from outside, a disk failure:
 * the `close` event) is reopened once; lost again, or with the reopen failing, the holder
 * gives up and works network-only. What was stored stays stored.
 */

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected the promise to reject'),
    (reason: unknown) => reason,
  );
}

const opened: StoreDb[] = [];

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  vi.restoreAllMocks();
});

describe('storeConnection', () => {
  it('reopens once after the browser closes the connection, then gives up; the data stays', async () => {
    const name = uniqueName();
    const onLost = vi.fn();
    const connection = storeConnection({ name, onLost });
    const first = await connection.get();
    await setSaved(first, 'a', true, 1);
    expect(await connection.get()).toBe(first);

    await loseConnection(first);
    const second = await connection.get();
    expect(second).not.toBe(first);
    expect((await getUserArticle(second, 'a'))?.savedAt).toBe(1);
    expect(connection.lost).toBe(false);
    expect(onLost).not.toHaveBeenCalled();

    await loseConnection(second);
    const failure = await failureOf(connection.get());
    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect((failure as StoreUnavailableError).reason).toBe('lost');
    expect(connection.lost).toBe(true);
    expect(onLost).toHaveBeenCalledTimes(1);

    // Giving up deleted nothing: another connection still finds the saved article.
    const after = await openStore({ name });
    opened.push(after);
    expect((await getUserArticle(after, 'a'))?.savedAt).toBe(1);
  });

  it('gives up when the reopen after a lost connection fails', async () => {
    const onLost = vi.fn();
    const connection = storeConnection({ name: uniqueName(), onLost });
    const first = await connection.get();
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('The disk failed', 'UnknownError');
    });
    await loseConnection(first);

    const reopen = await failureOf(connection.get());
    expect((reopen as StoreUnavailableError).reason).toBe('failed');
    expect(onLost).toHaveBeenCalledTimes(1);
    const later = await failureOf(connection.get());
    expect((later as StoreUnavailableError).reason).toBe('lost');
  });

  it('tries a failed first open again (nothing was lost yet)', async () => {
    const onLost = vi.fn();
    const connection = storeConnection({ name: uniqueName(), onLost });
    const open = vi.spyOn(indexedDB, 'open').mockImplementationOnce(() => {
      throw new DOMException('Not now', 'UnknownError');
    });
    expect(await failureOf(connection.get())).toBeInstanceOf(StoreUnavailableError);
    const db = await connection.get();
    opened.push(db);
    expect(open).toHaveBeenCalledTimes(2);
    expect(onLost).not.toHaveBeenCalled();
  });
});
