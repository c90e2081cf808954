import { BROADCAST_CHANNEL } from '../shared/messages';
import type { WorkerNews } from '../shared/messages';

/**
 * One channel for the worker's lifetime. A BroadcastChannel does not deliver to
 * itself, and the worker never listens, so every open page (any tab) gets each
 * message exactly once.
 */
let channel: BroadcastChannel | undefined;

/** Tells every open page what changed (see WorkerNews in src/shared/messages.ts). */
export function broadcast(news: WorkerNews): void {
  channel ??= new BroadcastChannel(BROADCAST_CHANNEL);
  channel.postMessage(news);
}
