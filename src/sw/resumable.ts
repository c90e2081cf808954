import type { DownloadRecord } from '../shared/store';

/**
 * Whether a stored download should be continued now: it was cut off (still
 * `running`, not `stopped` by a full disk, which would only fail again), and
 * this worker is neither running it already nor saw it cancelled (`busy`).
 */
export function isResumable(plan: DownloadRecord, busy: (id: string) => boolean): boolean {
  return plan.status === 'running' && !busy(plan.id);
}
