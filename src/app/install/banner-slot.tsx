import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useObservable } from '../lib/observable';
import { bannerWanted } from './capture';

/**
 * Where the shell puts the install banner: the last thing in the app. Renders
 * nothing until capture.ts wants the banner (after load, only when it could
 * ever show), then downloads it from its own chunk, so the first load carries
 * none of its code or styles.
 */
export function InstallBannerSlot() {
  const wanted = useObservable(bannerWanted);
  const [Banner, setBanner] = useState<ComponentType | undefined>(undefined);
  useEffect(() => {
    if (!wanted) return undefined;
    let mounted = true;
    import('./banner')
      .then(({ InstallBanner }) => {
        // A function in state would be called as an updater: wrap it.
        if (mounted) setBanner(() => InstallBanner);
      })
      .catch((error: unknown) => console.warn('Install banner not loaded', error));
    return () => {
      mounted = false;
    };
  }, [wanted]);
  return Banner ? <Banner /> : null;
}
