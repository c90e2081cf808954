/**
 * 「安装到主屏幕」: everything about installing the app, and the only module of
 * this folder the rest of the app imports (lint holds it to that). What is
 * exported here is on the first load and small; the banner, the iOS how-to and
 * the settings section behind it are downloaded only when they are shown.
 *
 * - capture.ts: holds `beforeinstallprompt` from before the first render.
 * - banner-slot.tsx → engagement.ts (the read count, no UI) → banner/: the
 *   quiet offer at the foot of the app, downloaded only once it will show;
 *   banner/ downloads howto/ only where it offers it (iOS Safari).
 * - settings-slot.ts → settings-section.tsx: 设置 → 安装到主屏幕.
 * - flow.ts (engagement, the browser's dialog, iOS Safari), howto/ (添加到主屏幕),
 *   keys.ts (the storage key and threshold, for the e2e tests too).
 */
export { startInstallSupport } from './capture';
export { InstallBannerSlot } from './banner-slot';
export { InstallSection } from './settings-slot';
