import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { announce } from '../../lib/announce';
import { appliedReadingPrefs } from '../../lib/reading-prefs';
import { useObservable } from '../../lib/use-observable';
import { deferralVersion, isUpdateDeferred, updateStatus } from '../../pwa/update-state';
import { installPrompt, installedThisVisit } from '../capture';
import { dismissInstallBanner, isThisIosSafari, promptInstall } from '../flow';
import './style.css';

/**
 * Keeps whatever the sticky banner covers reachable: the page's scroll padding
 * grows by the banner's height, so a focused link scrolled into view is never
 * hidden behind it (WCAG 2.4.11). Set through the CSSOM, which the CSP allows.
 */
function useScrollPadding(element: HTMLElement | null): void {
  useEffect(() => {
    if (!element) return undefined;
    const root = document.documentElement.style;
    const observer = new ResizeObserver(() => {
      root.setProperty('scroll-padding-block-end', `${element.offsetHeight}px`);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.removeProperty('scroll-padding-block-end');
    };
  }, [element]);
}

type HowTo = ComponentType<{ readonly id?: string }>;

/**
 * The 添加到主屏幕 how-to, downloaded only where the banner offers it (no
 * install prompt: iOS Safari), while it is a click away.
 */
function useHowTo(wanted: boolean): HowTo | undefined {
  const [howTo, setHowTo] = useState<HowTo | undefined>(undefined);
  useEffect(() => {
    if (!wanted || howTo) return undefined;
    let mounted = true;
    import('../howto')
      .then(({ InstallHowTo }) => {
        // A function in state would be called as an updater: wrap it.
        if (mounted) setHowTo(() => InstallHowTo);
      })
      .catch((error: unknown) => console.warn('Install how-to not loaded', error));
    return () => {
      mounted = false;
    };
  }, [wanted, howTo]);
  return howTo;
}

/** The buttons vanish with the banner: put focus somewhere sensible, not on <body>. */
function focusMain(): void {
  document.getElementById('main')?.focus();
}

/**
 * 「安装齐鲁轻读」: a quiet offer at the foot of the window, never a dialog. It
 * appears only once the reader has read a few articles (banner-slot.tsx
 * loads it only then, inside its host), and only where it can
 * help: the browser offers installation (beforeinstallprompt), or this is iOS
 * Safari, where it explains 添加到主屏幕 instead. Never in 长辈版 (适老化: no
 * pop-ups), never while read aloud is playing or paused, never beside the
 * update offer, never in the installed app, and never again once dismissed or
 * used. A labelled region with a heading, so it can be found but never
 * interrupts: it takes no focus and says nothing when it appears.
 */
export function InstallBanner() {
  const prompt = useObservable(installPrompt);
  const installed = useObservable(installedThisVisit);
  const update = useObservable(updateStatus);
  // Subscribed only to re-render when read aloud starts or stops (see setUpdateDeferral).
  useObservable(deferralVersion);
  // 长辈版 as it is now: the banner leaves the moment it is switched on (here or in another tab).
  const { elder } = useObservable(appliedReadingPrefs);
  const [closed, setClosed] = useState(false);
  const [howToOpen, setHowToOpen] = useState(false);
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [ios] = useState(isThisIosSafari);

  const canOffer = prompt !== undefined || ios;
  const updateShowing = update === 'offered' || update === 'updating';
  // Read aloud defers the update offer while it plays or is paused; the banner keeps the same quiet.
  const readingAloud = isUpdateDeferred();
  const visible = canOffer && !closed && !installed && !elder && !updateShowing && !readingAloud;
  useScrollPadding(visible ? element : null);
  const HowTo = useHowTo(visible && !prompt);

  const close = () => {
    dismissInstallBanner();
    setClosed(true);
    focusMain();
  };
  const install = async () => {
    const outcome = await promptInstall();
    setClosed(true);
    focusMain();
    if (outcome === 'accepted') announce('正在安装到主屏幕');
  };

  // Mounted in the slot's host (banner-slot.tsx), after the footer: the end of the page.
  if (!visible) return null;
  return (
    <section ref={setElement} class="install-banner" aria-labelledby="install-banner-title">
      <div class="install-banner__inner">
        <h2 id="install-banner-title" class="install-banner__title">
          安装齐鲁轻读
        </h2>
        <p class="install-banner__text">
          添加到主屏幕后，像应用一样一点就开，离线也能读已下载的新闻。
        </p>
        <div class="actions">
          {prompt ? (
            <button type="button" class="button" onClick={() => void install()}>
              安装到主屏幕
            </button>
          ) : (
            <button
              type="button"
              class="button"
              aria-expanded={howToOpen}
              aria-controls="install-banner-howto"
              onClick={() => setHowToOpen(!howToOpen)}
            >
              查看添加方法
            </button>
          )}
          <button type="button" class="button button--secondary" onClick={close}>
            不再提示
          </button>
        </div>
        {!prompt && <div hidden={!howToOpen}>{HowTo && <HowTo id="install-banner-howto" />}</div>}
      </div>
    </section>
  );
}
