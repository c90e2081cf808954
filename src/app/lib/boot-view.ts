import { BOOT_ELEMENT_ID, BOOTING_CLASS } from '../../shared/boot';
// The boot view is an article laid out by the article page's own styles, so
// they load with the shell: the text looks the same before and after the swap.
import '../routes/article/body.css';
import '../routes/article/style.css';
import './boot-view.css';

/**
 * The service worker's boot view (src/shared/boot.ts) is on screen until the
 * app's first page is ready; then this removes it and shows the app, which
 * has been rendering hidden beneath it. Focus that was inside the boot view
 * goes to the app's heading, so a keyboard or screen reader user is not left
 * on a node that no longer exists. Safe to call any number of times.
 */
export function endBootView(): void {
  const root = document.documentElement;
  const boot = document.getElementById(BOOT_ELEMENT_ID);
  if (!boot && !root.classList.contains(BOOTING_CLASS)) return;
  const hadFocus = boot?.contains(document.activeElement) ?? false;
  boot?.remove();
  root.classList.remove(BOOTING_CLASS);
  if (hadFocus) document.querySelector<HTMLElement>('#main h1')?.focus();
}
