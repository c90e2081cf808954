import { createObservable } from './observable';

/** What the shell's polite live region currently says. */
export const announcement = createObservable('');

let pending: ReturnType<typeof setTimeout> | undefined;

/**
 * Says `message` politely to screen readers through the live region in the
 * shell. The region is emptied first and refilled a moment later so that the
 * same words twice in a row (e.g. "已加载 20 条") are still announced.
 */
export function announce(message: string): void {
  clearTimeout(pending);
  announcement.set('');
  pending = setTimeout(() => announcement.set(message), 100);
}
