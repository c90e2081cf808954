import { useEffect, useState } from 'preact/hooks';
import { announce } from '../../lib/announce';
import { isElderMode } from '../../lib/reading-prefs';
import { useStore } from '../../lib/store';
import { installPrompt, installedThisVisit } from '../../pwa/install-capture';
import {
  countArticlesRead,
  dismissInstallBanner,
  isThisIosSafari,
  promptInstall,
} from '../../pwa/install-flow';
import { ENGAGED_AFTER } from '../../pwa/install-keys';
import { deferralVersion, isUpdateDeferred, updateStatus } from '../../pwa/update-state';
import { InstallHowTo } from '../install-howto';
import './style.css';

/** Wait after a route change before counting reads: the article's read is recorded as it renders. */
const RECOUNT_DELAY_MS = 1000;

/**
 * Whether the reader has read {@link ENGAGED_AFTER} articles. Counted now and
 * again after every route change (each route sets document.title), until true.
 */
function useEngaged(onCount: ((read: number) => void) | undefined): boolean {
  const [engaged, setEngaged] = useState(false);
  useEffect(() => {
    if (engaged) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const count = () => {
      void countArticlesRead().then((read) => {
        if (stopped) return;
        onCount?.(read);
        if (read >= ENGAGED_AFTER) setEngaged(true);
      });
    };
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(count, RECOUNT_DELAY_MS);
    });
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    count();
    return () => {
      stopped = true;
      clearTimeout(timer);
      observer.disconnect();
    };
  }, [engaged, onCount]);
  return engaged;
}

/** 长辈版 as it is now: the banner leaves the moment it is switched on in settings. */
function useElderMode(): boolean {
  const [elder, setElder] = useState(isElderMode);
  useEffect(() => {
    const observer = new MutationObserver(() => setElder(isElderMode()));
    observer.observe(document.documentElement, { attributeFilter: ['data-elder'] });
    return () => observer.disconnect();
  }, []);
  return elder;
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

/** Props of {@link InstallBanner}. */
export interface InstallBannerProps {
  /** Hears each count of articles read while the banner waits for engagement. */
  readonly onCount?: (read: number) => void;
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
export function InstallBanner({ onCount }: InstallBannerProps) {
  const prompt = useStore(installPrompt);
  const installed = useStore(installedThisVisit);
  const update = useStore(updateStatus);
  // Subscribed only to re-render when read aloud starts or stops (see setUpdateDeferral).
  useStore(deferralVersion);
  const engaged = useEngaged(onCount);
  const elder = useElderMode();
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

  if (!visible) return null;

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
  );
}
