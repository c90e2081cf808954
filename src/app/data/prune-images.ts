import { askWorker, hasWorker, newRequestId } from '../pwa/worker-client';

/**
 * Has the worker drop the downloaded pictures no stored article uses any more
 * (only the worker touches that cache, src/sw/download-images.ts): after the
 * page cleared content, or evicted articles itself (a full disk while it was
 * the writer). Awaited by clearing, so the estimate read next counts the space
 * freed; a failure only leaves pictures for the next eviction to take, so it
 * is logged, not thrown.
 */
export async function pruneImages(): Promise<void> {
  if (!hasWorker()) return;
  try {
    const reply = await askWorker({ type: 'prune-images', requestId: newRequestId() });
    if (!reply.ok) console.warn('Downloaded images not pruned', reply.failure);
  } catch (error) {
    console.warn('The worker did not prune the downloaded images', error);
  }
}
