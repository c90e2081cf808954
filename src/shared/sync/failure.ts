import { FeedError } from '../feed/errors';
import type { SyncFailure } from '../sync-result';
import { StoreError } from '../store/index';

/**
 * Turns whatever a sync threw into a SyncFailure, which survives postMessage
 * (Error objects do not clone reliably, and their class is lost).
 */
export function toSyncFailure(error: unknown): SyncFailure {
  if (error instanceof FeedError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.status !== undefined && { httpStatus: error.status }),
    };
  }
  if (error instanceof StoreError) return { code: 'storage', message: error.message };
  const name = errorName(error);
  const message = error instanceof Error ? error.message : String(error);
  // The reason of a plain `controller.abort()` is a DOMException named AbortError.
  if (name === 'AbortError') return { code: 'cancelled', message: message || 'cancelled' };
  if (name === 'QuotaExceededError') return { code: 'storage', message };
  return { code: 'unknown', message: name ? `${name}: ${message}` : message };
}

function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('name' in error)) return undefined;
  const { name } = error as { name: unknown };
  return typeof name === 'string' ? name : undefined;
}
