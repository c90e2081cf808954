import { articleDocumentUrl } from '../shared/feed/article-url';
import type { WorkerReply, WorkerRequest } from '../shared/messages';
import { toSyncFailure } from '../shared/sync';
import { cancelDownload, resumeDownloads, startDownload } from './downloads';
import { repairShell } from './precache-repair';
import { database } from './db';
import { getChannelPageRecord, markRead, setPosition } from '../shared/store';
import { pruneDownloadImages } from './download-images';
import { syncSavedImages } from './saved-images';
import { parseWorkerRequest } from './request-guard';
import { refreshArticleDocument, refreshChannelPage, refreshDirectory } from './sync-jobs';

declare const self: ServiceWorkerGlobalScope;

/** What the message handler needs to know about where it runs. */
export interface MessageContext {
  /** `channels.json` under FEED_BASE. */
  readonly directoryUrl: string;
  /** FEED_BASE as an absolute URL: article documents are found relative to it. */
  readonly feedBaseUrl: string;
}

/**
 * Does what `request` asks and settles with the reply. Long work that outlives
 * the reply (a download) is returned as `after`, for `waitUntil`.
 */
async function handle(
  request: WorkerRequest,
  context: MessageContext,
): Promise<{ reply: WorkerReply; after?: Promise<void> }> {
  const { requestId } = request;
  switch (request.type) {
    case 'sync-directory': {
      const { outcome, stored } = await refreshDirectory(context.directoryUrl);
      return { reply: { requestId, ok: true, outcome, stored } };
    }
    case 'sync-page': {
      const { channelId, pageIndex, pageUrl, shownIds } = request;
      const { outcome, stored } = await refreshChannelPage(channelId, pageIndex, pageUrl);
      if (shownIds === undefined) return { reply: { requestId, ok: true, outcome, stored } };
      const page = await getChannelPageRecord(await database(), channelId, pageIndex);
      const differs =
        page !== undefined &&
        (page.articleIds.length !== shownIds.length ||
          page.articleIds.some((id, index) => id !== shownIds[index]));
      return { reply: { requestId, ok: true, outcome, stored, differs } };
    }
    case 'sync-article': {
      const { articleId, readAt } = request;
      const documentUrl = articleDocumentUrl(context.feedBaseUrl, articleId);
      const { outcome } = await refreshArticleDocument(articleId, documentUrl);
      if (readAt !== undefined) await markRead(await database(), articleId, readAt);
      return { reply: { requestId, ok: true, outcome } };
    }
    case 'download': {
      // The request's id names the download, for progress news and 取消下载.
      const { started, finished } = startDownload(
        { downloadId: requestId, ...request },
        context.directoryUrl,
      );
      await started;
      return { reply: { requestId, ok: true }, after: finished };
    }
    case 'set-position':
      await setPosition(await database(), request.articleId, request.fraction);
      return { reply: { requestId, ok: true } };
    case 'save-article': {
      // Answered once the images are in: a missing picture is no failure of the save itself.
      const { failed } = await syncSavedImages(request.articleId);
      if (failed > 0) console.warn(`${failed} images of ${request.articleId} were not cached`);
      return { reply: { requestId, ok: true } };
    }
    case 'cancel-download':
      // Cancelling a download that already ended is not an error: the result is the same.
      await cancelDownload(request.downloadId);
      return { reply: { requestId, ok: true } };
    case 'resume-downloads':
      // Any message resumes them (answerMessages); this one exists for the page's `online`.
      return { reply: { requestId, ok: true } };
    case 'repair-shell': {
      const repaired = await repairShell();
      if (repaired > 0) console.info(`Fetched ${repaired} app shell files the browser had deleted`);
      return { reply: { requestId, ok: true } };
    }
    case 'prune-images':
      // Answered once done, so a page (or a test) knows the cache is in line with the store.
      await pruneDownloadImages(await database());
      return { reply: { requestId, ok: true } };
    case 'skip-waiting':
      // Only ever sent after the reader pressed 「更新」 (see lifecycle.ts).
      await self.skipWaiting();
      return { reply: { requestId, ok: true } };
  }
}

/**
 * Answers page requests (src/shared/messages.ts): the reply goes back on the
 * MessagePort the page sent along; what changed is broadcast separately
 * (news.ts) so other tabs hear about it too.
 */
export function answerMessages(context: MessageContext): void {
  self.addEventListener('message', (event) => {
    const request = parseWorkerRequest(event.data);
    const port = event.ports[0];
    if (!request) {
      console.warn('Ignored an unknown message', event.data);
      return;
    }
    const work = handle(request, context).then(
      async ({ reply, after }) => {
        port?.postMessage(reply);
        await after;
      },
      (error: unknown) => {
        const reply: WorkerReply = {
          requestId: request.requestId,
          ok: false,
          failure: toSyncFailure(error),
        };
        port?.postMessage(reply);
      },
    );
    // A worker stopped mid-download is started again by the next page message:
    // that is when an unfinished download continues.
    const resumed = resumeDownloads(context.directoryUrl);
    // Keeps the worker alive until the work (and a download's tail) is done.
    event.waitUntil(Promise.all([work, resumed]));
  });
}
