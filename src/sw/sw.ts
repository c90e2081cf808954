/**
 * 齐鲁轻读's service worker. This file is the table of contents; each line's
 * module explains its part.
 *
 * - The app shell and every route chunk are precached (list injected at build
 *   time by vite-plugin-pwa); navigations get the shell, online or offline.
 * - Images are cached first, with limits. Feed JSON is never put in Cache
 *   Storage: the sync validates it and writes IndexedDB, which pages read.
 * - Pages ask for refreshes and downloads over postMessage and hear what changed
 *   on the `qilu` BroadcastChannel (src/shared/messages.ts).
 */
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { claimClientsOnActivate } from './lifecycle';
import { resumeDownloadsOnStart } from './downloads';
import { answerMessages } from './messages';
import { refreshPeriodically } from './periodic-sync';
import { cacheImages } from './routes/images';
import { upkeepSearchOnActivate } from './search-upkeep';
import { routeNavigationsToShell } from './routes/navigation';
import { directoryUrl, feedBaseUrl, imageOrigins } from './routes/scope';

declare const self: ServiceWorkerGlobalScope;

const FEED_BASE = import.meta.env.FEED_BASE;
const ORIGIN = self.location.origin;
const DIRECTORY_URL = directoryUrl(FEED_BASE, ORIGIN);

// The shell: precache this build's files, drop caches of older Workbox formats.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
routeNavigationsToShell(FEED_BASE, ORIGIN);

// Runtime: article images (feed JSON is deliberately not routed: see above).
cacheImages(imageOrigins(FEED_BASE, ORIGIN));

// Talking to pages: refresh, download, cancel, and 「更新」.
answerMessages({ directoryUrl: DIRECTORY_URL, feedBaseUrl: feedBaseUrl(FEED_BASE, ORIGIN) });

// A download a stopped worker left unfinished continues when the worker starts again.
resumeDownloadsOnStart(DIRECTORY_URL);

// In the background, when installed and granted.
refreshPeriodically(DIRECTORY_URL);

// Updates wait for the reader; the first install takes control at once.
claimClientsOnActivate();

// Search: index what pages queued and merge segments once this version is active.
upkeepSearchOnActivate();
