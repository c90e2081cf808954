import type { DownloadState } from './download';

/**
 * Whether news of the resumed download `downloadId` may replace what the page
 * shows (`state`): yes over nothing, another download that ended, or this one
 * paused; not over a download running now (one at a time), nor over this one
 * once the reader saw it cancelled or end (late news must not bring it back).
 */
export function mayFollow(state: DownloadState | undefined, downloadId: string): boolean {
  if (!state) return true;
  if (state.status === 'running') return false;
  return state.id !== downloadId || state.status === 'interrupted';
}
