import { countArticlesRead as countRead } from '../data/read-count';
import { installPrompt } from './capture';
import { ENGAGED_AFTER, INSTALL_BANNER_DISMISSED_KEY } from './keys';

/**
 * What the banner and the settings entry share, loaded with them (not on first
 * load): when the reader has engaged enough to be asked, how to ask, and which
 * browsers need the 添加到主屏幕 how-to instead of a button.
 */

/** In-app browsers and other iOS browsers whose menus differ from Safari's. */
const NOT_SAFARI =
  /\b(?:CriOS|FxiOS|EdgiOS|OPiOS|OPT|YaBrowser|GSA|MicroMessenger|MQQBrowser|QQ|UCBrowser|baiduboxapp|Weibo|DingTalk|AlipayClient)\b/;

/**
 * Whether `userAgent` is Safari on iPhone, iPad or iPod, the browser the how-to
 * describes. iPadOS Safari asks for desktop pages by default and then calls
 * itself a Mac; only the touch points give it away.
 */
export function isIosSafari(userAgent: string, maxTouchPoints: number): boolean {
  const apple =
    /\b(?:iPhone|iPad|iPod)\b/.test(userAgent) ||
    (/\bMacintosh\b/.test(userAgent) && maxTouchPoints > 1);
  return apple && /\bSafari\//.test(userAgent) && !NOT_SAFARI.test(userAgent);
}

/** {@link isIosSafari} for this browser. */
export function isThisIosSafari(): boolean {
  return isIosSafari(navigator.userAgent, navigator.maxTouchPoints);
}

/** Never show the banner again on this device. */
export function dismissInstallBanner(): void {
  try {
    localStorage.setItem(INSTALL_BANNER_DISMISSED_KEY, String(Date.now()));
  } catch {
    // Without storage the banner is never shown in the first place (isBannerDismissed).
  }
}

/** How many articles the reader has opened, counted up to `atLeast` (0 without storage). */
export async function countArticlesRead(atLeast = ENGAGED_AFTER): Promise<number> {
  try {
    return await countRead(atLeast);
  } catch {
    return 0;
  }
}

/** What became of an install request. */
export type InstallOutcome = 'accepted' | 'dismissed' | 'unavailable';

/**
 * Shows the browser's install dialog for the held `beforeinstallprompt` and
 * waits for the reader's answer. The event is spent either way; whatever the
 * answer, the banner has made its offer and does not come back.
 */
export async function promptInstall(): Promise<InstallOutcome> {
  const event = installPrompt.get();
  if (!event) return 'unavailable';
  installPrompt.set(undefined);
  dismissInstallBanner();
  try {
    await event.prompt();
    return (await event.userChoice).outcome;
  } catch (error) {
    // Chromium refuses a second prompt() or one without a user gesture.
    console.warn('Install prompt failed', error);
    return 'unavailable';
  }
}
