import { announce } from './announce';

/**
 * 「已更新 N 条」. Several channels on one screen (home has three) often update
 * within moments of each other; their counts are added up and said once, so
 * one refresh is one announcement rather than three that cut each other off.
 */

/** How long to wait for more updates before speaking. */
const GATHER_MS = 600;

let pending = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

/** Reports `count` updated articles on screen; announced together with any others soon after. */
export function reportUpdated(count: number): void {
  if (count <= 0) return;
  pending += count;
  clearTimeout(timer);
  timer = setTimeout(() => {
    const total = pending;
    pending = 0;
    announce(`已更新 ${total} 条`);
  }, GATHER_MS);
}
