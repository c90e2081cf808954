import { createObservable } from '../lib/observable';

/**
 * Whether a new version is waiting for the reader, and what 「更新」 does.
 * register.ts offers updates; the UpdatePrompt shows them.
 */

/** `offered`: a new version waits; `dismissed`: 「稍后」; `updating`: 「更新」 was pressed. */
export type UpdateStatus = 'none' | 'offered' | 'dismissed' | 'updating';

/** The prompt's state. */
export const updateStatus = createObservable<UpdateStatus>('none');

/** Bumped when the deferral's answer may have changed, so the prompt re-asks it. */
export const deferralVersion = createObservable(0);

let accept: (() => void) | undefined;
let shouldDefer: () => boolean = () => false;

/**
 * A new version is waiting; `onAccept` lets it take over (messageSkipWaiting).
 * Offered again on each new waiting worker, and on every page load while one
 * waits, even after 「稍后」.
 */
export function offerUpdate(onAccept: () => void): void {
  accept = onAccept;
  updateStatus.set('offered');
}

/** 「更新」: the waiting version takes over; the page reloads when it controls the page. */
export function acceptUpdate(): void {
  updateStatus.set('updating');
  accept?.();
}

/** 「稍后」: hidden until the next page load or the next new version. */
export function dismissUpdate(): void {
  updateStatus.set('dismissed');
}

/**
 * The hook for 朗读 (read aloud, a later issue): while `fn()` returns true the
 * prompt stays hidden, so an update never interrupts listening. Call it again
 * (even with the same function) whenever its answer may have changed; the
 * prompt then shows or hides accordingly.
 */
export function setUpdateDeferral(fn: () => boolean): void {
  shouldDefer = fn;
  deferralVersion.set(deferralVersion.get() + 1);
}

/** Whether the prompt must wait (read aloud is speaking). */
export function isUpdateDeferred(): boolean {
  return shouldDefer();
}
