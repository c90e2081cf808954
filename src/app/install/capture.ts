import { isElderMode } from '../lib/reading-prefs';
import { createObservable } from '../lib/observable';
import { INSTALL_BANNER_DISMISSED_KEY } from './keys';

/**
 * The first-load part of 「安装到主屏幕」: it only catches Chromium's
 * `beforeinstallprompt` (which fires once, early, and is lost to a listener
 * added later) and knows whether installing makes sense at all. Everything the
 * reader sees is loaded lazily: the banner (banner-slot.tsx loads the read
 * count, ./engagement.ts, then ./banner once it will show) and the settings
 * entry (settings-slot.ts loads ./settings-section.tsx).
 */

/** Chromium's `beforeinstallprompt` event (not a standard, so not in TypeScript's DOM types). */
export interface InstallPromptEvent extends Event {
  /** Shows the browser's install dialog; allowed once per event. */
  prompt(): Promise<unknown>;
  /** Settles with the reader's answer in that dialog. */
  readonly userChoice: Promise<{ readonly outcome: 'accepted' | 'dismissed' }>;
}

/** The held `beforeinstallprompt`, while the browser offers installation (spent once used). */
export const installPrompt = createObservable<InstallPromptEvent | undefined>(undefined);

/** Set when the browser reports the app installed during this visit (`appinstalled`). */
export const installedThisVisit = createObservable(false);

/** Display modes of an installed app (the manifest asks for standalone, then minimal-ui). */
const INSTALLED_DISPLAY =
  '(display-mode: standalone), (display-mode: minimal-ui), (display-mode: fullscreen), (display-mode: window-controls-overlay)';

/** Whether this page runs as the installed app (home-screen icon), not in a browser tab. */
export function isRunningInstalled(): boolean {
  // iOS Safari reports a home-screen launch only through this non-standard flag.
  const ios = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return ios || matchMedia(INSTALLED_DISPLAY).matches;
}

/** Whether the banner was dismissed for good on this device. */
export function isBannerDismissed(): boolean {
  try {
    return localStorage.getItem(INSTALL_BANNER_DISMISSED_KEY) !== null;
  } catch {
    // No storage (privacy modes): a banner that cannot stay dismissed is never shown.
    return true;
  }
}

/**
 * Set once the page has loaded, if the banner may ever be shown on this visit:
 * the shell's InstallBannerSlot then downloads the banner and renders it.
 */
export const bannerWanted = createObservable(false);

let started = false;
let bannerOffered = false;

/** Asks for the banner once the page has loaded, if it may ever be shown on this visit. */
function offerBanner(): void {
  if (bannerOffered || isRunningInstalled() || isBannerDismissed() || isElderMode()) return;
  bannerOffered = true;
  const want = () => bannerWanted.set(true);
  if (document.readyState === 'complete') want();
  else addEventListener('load', want, { once: true });
}

/**
 * Starts listening for the browser's install offer; main.tsx calls it before the
 * first render so the event is never missed. Keeps Chromium's own install
 * infobar away (the app offers installation itself, quietly, and only after the
 * reader has read a few articles) and loads the banner when it could apply: on
 * an offer, or at once on iOS, whose Safari never makes one (the banner then
 * explains 添加到主屏幕).
 */
export function startInstallSupport(): void {
  if (started) return;
  started = true;
  addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    installPrompt.set(event as InstallPromptEvent);
    offerBanner();
  });
  addEventListener('appinstalled', () => {
    installPrompt.set(undefined);
    installedThisVisit.set(true);
  });
  // `navigator.standalone` exists only in iOS and iPadOS WebKit: a cheap first test,
  // ./engagement.ts decides whether this really is Safari before the banner loads.
  if ('standalone' in navigator) offerBanner();
}
