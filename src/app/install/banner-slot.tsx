import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useObservable } from '../lib/use-observable';
import { bannerWanted, installPrompt } from './capture';
import { ENGAGED_AFTER } from './keys';
import './banner-slot.css';

/** Logs a chunk that did not download: the app works on without the offer. */
function notLoaded(error: unknown): void {
  console.warn('Install banner not loaded', error);
}

/**
 * Where the shell puts the install banner: the last thing in the app. Renders
 * nothing until capture.ts wants the banner (after load, only when it could
 * ever show); then counts the articles read (./engagement.ts, no UI), and
 * downloads the banner from its own chunk only once it will show: the reader
 * has read enough and the browser offers installation, or this is iOS Safari.
 * The first load carries none of its code or styles.
 */
export function InstallBannerSlot() {
  const wanted = useObservable(bannerWanted);
  const prompt = useObservable(installPrompt);
  const [articlesRead, setArticlesRead] = useState<number | undefined>(undefined);
  const [ios, setIos] = useState(false);
  const [Banner, setBanner] = useState<ComponentType | undefined>(undefined);

  useEffect(() => {
    if (!wanted) return undefined;
    let mounted = true;
    let stop: (() => void) | undefined;
    import('./engagement')
      .then(({ isThisIosSafari, watchEngagement }) => {
        if (!mounted) return;
        setIos(isThisIosSafari());
        stop = watchEngagement(setArticlesRead);
      })
      .catch(notLoaded);
    return () => {
      mounted = false;
      stop?.();
    };
  }, [wanted]);

  const show = (articlesRead ?? 0) >= ENGAGED_AFTER && (prompt !== undefined || ios);
  useEffect(() => {
    if (!show) return undefined;
    let mounted = true;
    import('./banner')
      .then(({ InstallBanner }) => {
        // A function in state would be called as an updater: wrap it.
        if (mounted) setBanner(() => InstallBanner);
      })
      .catch(notLoaded);
    return () => {
      mounted = false;
    };
  }, [show]);

  if (!wanted) return null;
  return (
    // The host is the app's last element (display: contents, so the banner sticks within <body>),
    // which is where the banner rests at the end of the page, after the footer, and where a screen
    // reader meets it: after everything else. It shows the count the banner waits on, so why the
    // banner is not there yet is visible in the DOM (the e2e test waits on it instead of on time).
    <div id="install-banner-host" class="install-banner-host" data-articles-read={articlesRead}>
      {Banner && <Banner />}
    </div>
  );
}
