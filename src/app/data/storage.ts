import type { ChannelUsage } from '../../shared/store/index';
import { clearAll, clearChannel, usageByChannel } from '../../shared/store/index';
import { forgetDownloads } from '../lib/ledger';
import { forgetAllPages, forgetChannel } from './cache';
import { localDatabase } from './database';
import { pruneImages } from './prune-images';

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
