import type { Channel, ChannelDirectory } from '../../shared/feed/types';
import { isStale } from '../lib/freshness';
import { DIRECTORY_URL } from './api';
import { cacheDirectory, cachedDirectory } from './cache';
import { localDatabase } from './database';
import { UnknownChannelError, missingOr } from './errors';
import { refreshDirectoryInBackground } from './live';
import { fetchDirectoryNow } from './network';
import { readDirectory } from './reads';
import { refreshDirectory } from './refresh';
import type { LoadOptions } from './requests';
import { dedupe, raceAbort } from './requests';

/**
 * The channel directory (channels.json): from memory, else IndexedDB (refreshed
 * behind the reader's back when stale), else fetched and stored.
 */

async function loadDirectory(signal: AbortSignal): Promise<ChannelDirectory> {
  const db = await localDatabase();
  if (!db) {
    const directory = await fetchDirectoryNow(DIRECTORY_URL, signal);
    cacheDirectory({ directory, fetchedAt: Date.now() });
    return directory;
  }
  const stored = await readDirectory(db);
  if (stored) {
    cacheDirectory(stored);
    if (isStale(stored.fetchedAt, Date.now())) refreshDirectoryInBackground(db);
    return stored.directory;
  }
  try {
    await raceAbort(refreshDirectory(db, DIRECTORY_URL, { cold: true }), signal);
  } catch (error) {
    signal.throwIfAborted();
    throw missingOr(error, 'directory');
  }
  // Nothing was in memory to compare the reply's revision with: this is the one read.
  const fresh = await readDirectory(db);
  if (!fresh) throw new Error('channels.json was synced but is not stored');
  cacheDirectory(fresh);
  return fresh.directory;
}

/** The channel directory (channels.json). */
export function getDirectory(opts: LoadOptions = {}): Promise<ChannelDirectory> {
  const known = cachedDirectory();
  if (known) return Promise.resolve(known.directory);
  return dedupe('read:directory', loadDirectory, opts.signal);
}

/**
 * Puts the stored directory in memory if it is not there yet, without asking
 * the network: for views that read it synchronously ({@link peekDirectory})
 * and must not depend on whether another part of the page has read it first.
 */
export async function warmStoredDirectory(): Promise<void> {
  if (cachedDirectory()) return;
  try {
    const db = await localDatabase();
    const stored = db && (await readDirectory(db));
    if (stored && !cachedDirectory()) cacheDirectory(stored);
  } catch (error) {
    console.warn('The stored channel directory could not be read', error);
  }
}

/** The directory if it has been read already (for rendering without a loading state). */
export function peekDirectory(): ChannelDirectory | undefined {
  return cachedDirectory()?.directory;
}

/** The channel `id` of `directory`, if it has one. */
export function findChannel(directory: ChannelDirectory, id: string): Channel | undefined {
  return directory.channels.find((channel) => channel.id === id);
}

/**
 * The channel `channelId` of the directory.
 * @throws UnknownChannelError when the directory has no such channel.
 */
export async function requireChannel(channelId: string, opts: LoadOptions): Promise<Channel> {
  const channel = findChannel(await getDirectory(opts), channelId);
  if (!channel) throw new UnknownChannelError(`No channel "${channelId}" in channels.json`);
  return channel;
}
