/**
 * 「安装到主屏幕」: everything about installing the app, and the only module of
 * this folder the rest of the app imports (lint holds it to that; capture.ts
 * is the other). What is exported here is small and loads with the app; the
 * banner, the iOS how-to and the settings section behind it are downloaded
 * only when they are shown.
 *
 * - capture.ts: holds `beforeinstallprompt` from before the first render; the
 *   first-load entry (src/app/main.tsx, src/app/first-visit) imports it directly,
 *   as it must not carry the Preact slots below.
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
