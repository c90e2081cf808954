import type { FunctionComponent } from 'preact';
import { lazy } from 'preact-iso';

/** Stands in for the section when its code could not be downloaded: the rest of 设置 still works. */
const NoInstallSection: FunctionComponent = () => null;

/**
 * 设置 → 安装到主屏幕, downloaded when the settings page first renders it, so
 * the first load carries none of it. preact-iso's router holds a route whose
 * lazy parts are still loading, so the settings page still appears whole (and
 * `/settings#install` still finds its section). A failed download would leave
 * the router waiting for ever: it becomes an empty section instead.
 */
export const InstallSection = lazy<FunctionComponent>(() =>
  import('./settings-section').then(
    ({ InstallSection: Section }) => Section,
    (error: unknown) => {
      console.error('Install section failed to load', error);
      return NoInstallSection;
    },
  ),
);
