import type { ChannelUsage } from '../../shared/store/index';
import { clearAll, clearChannel, usageByChannel } from '../../shared/store/index';
import { forgetDownloads } from '../lib/ledger';
import { askWorker, hasWorker, newRequestId } from '../pwa/worker-client';
import { forgetAllPages, forgetChannel } from './cache';
import { localDatabase } from './database';

/**
 * 设置 → 离线与存储: what is stored per channel, how much the browser counts
 * for this site in all, and clearing. Saved articles (收藏) always survive.
 */

/** The browser's own figures for this site (navigator.storage.estimate). */
export interface StorageEstimateInfo {
  readonly usage?: number;
  readonly quota?: number;
}

/** What the settings page shows. */
export interface StorageReport {
  /** False when IndexedDB cannot be used on this device (nothing is stored). */
  readonly available: boolean;
  readonly channels: readonly ChannelUsage[];
  readonly estimate?: StorageEstimateInfo;
}

async function estimate(): Promise<StorageEstimateInfo | undefined> {
  try {
    const result = await navigator.storage?.estimate?.();
    return result && { usage: result.usage, quota: result.quota };
  } catch (error) {
    console.warn('storage.estimate() failed', error);
    return undefined;
  }
}

/**
 * Has the worker drop the downloaded pictures no stored article uses any more
 * (only the worker touches that cache, src/sw/download-images.ts). Awaited, so
 * the estimate read next counts the space freed; a failure only leaves
 * pictures for the next eviction to take, so it is logged, not thrown.
 */
async function pruneImages(): Promise<void> {
  if (!hasWorker()) return;
  try {
    const reply = await askWorker({ type: 'prune-images', requestId: newRequestId() });
    if (!reply.ok) console.warn('Downloaded images not pruned', reply.failure);
  } catch (error) {
    console.warn('The worker did not prune the downloaded images', error);
  }
}

/**
 * Reads the usage per channel and the browser's estimate, which counts
 * everything the site stores: articles, and the pictures kept for saved and
 * downloaded articles and seen recently.
 */
export async function getStorageReport(): Promise<StorageReport> {
  const db = await localDatabase();
  if (!db) return { available: false, channels: [], estimate: await estimate() };
  const [channels, total] = await Promise.all([usageByChannel(db), estimate()]);
  return { available: true, channels, estimate: total };
}

/** Clears one channel's offline content; resolves how many articles were deleted. */
export async function clearChannelContent(channelId: string): Promise<number> {
  const db = await localDatabase();
  if (!db) return 0;
  const deleted = await clearChannel(db, channelId);
  // Cleared on purpose: not to be downloaded again after an eviction.
  forgetDownloads([channelId]);
  // Memory must not keep offering what storage no longer has.
  forgetChannel(channelId);
  await pruneImages();
  return deleted;
}

/** Clears all offline content except saved articles; resolves how many articles were deleted. */
export async function clearAllContent(): Promise<number> {
  const db = await localDatabase();
  if (!db) return 0;
  const deleted = await clearAll(db);
  forgetDownloads();
  forgetAllPages();
  await pruneImages();
  return deleted;
}
