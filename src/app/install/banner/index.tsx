import { useEffect, useState } from 'preact/hooks';
import { announce } from '../../lib/announce';
import { shownPage } from '../../lib/page';
import { appliedReadingPrefs } from '../../lib/reading-prefs';
import { useObservable } from '../../lib/observable';
import { deferralVersion, isUpdateDeferred, updateStatus } from '../../pwa/update-state';
import { installPrompt, installedThisVisit } from '../capture';
import { countArticlesRead, dismissInstallBanner, isThisIosSafari, promptInstall } from '../flow';
import { InstallHowTo } from '../howto';
import { ENGAGED_AFTER } from '../keys';
import './style.css';

/** Wait after a page is shown before counting reads: the article's read is recorded as it renders. */
const RECOUNT_DELAY_MS = 1000;

/**
 * Whether the reader has read {@link ENGAGED_AFTER} articles. Counted now and
 * again after every page the app shows (lib/page.ts, `shownPage`), until true.
 */
function useEngaged(onCount: (read: number) => void): boolean {
  const [engaged, setEngaged] = useState(false);
  useEffect(() => {
    if (engaged) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const count = () => {
      void countArticlesRead().then((read) => {
        if (stopped) return;
        onCount(read);
        if (read >= ENGAGED_AFTER) setEngaged(true);
      });
    };
    const unsubscribe = shownPage.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(count, RECOUNT_DELAY_MS);
    });
    count();
    return () => {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
    };
  }, [engaged, onCount]);
  return engaged;
}

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

/** The buttons vanish with the banner: put focus somewhere sensible, not on <body>. */
function focusMain(): void {
  document.getElementById('main')?.focus();
}

/**
 * 「安装齐鲁轻读」: a quiet offer at the foot of the window, never a dialog. It
 * appears only once the reader has read a few articles, and only where it can
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
  const [articlesRead, setArticlesRead] = useState<number | undefined>(undefined);
  const engaged = useEngaged(setArticlesRead);
  const [closed, setClosed] = useState(false);
  const [howToOpen, setHowToOpen] = useState(false);
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [ios] = useState(isThisIosSafari);

  const canOffer = prompt !== undefined || ios;
  const updateShowing = update === 'offered' || update === 'updating';
  // Read aloud defers the update offer while it plays or is paused; the banner keeps the same quiet.
  const readingAloud = isUpdateDeferred();
  const visible =
    engaged && canOffer && !closed && !installed && !elder && !updateShowing && !readingAloud;
  useScrollPadding(visible ? element : null);

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

  return (
    // The host is the app's last element (display: contents, so the banner sticks within <body>),
    // which is where the banner rests at the end of the page, after the footer, and where a screen
    // reader meets it: after everything else. It shows the count the banner waits on, so why the
    // banner is not there yet is visible in the DOM (the e2e test waits on it instead of on time).
    <div id="install-banner-host" class="install-banner-host" data-articles-read={articlesRead}>
      {visible && (
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
            {!prompt && (
              <div hidden={!howToOpen}>
                <InstallHowTo id="install-banner-howto" />
              </div>
            )}
          </div>
        </section>
      )}
    </div>
  );
}
