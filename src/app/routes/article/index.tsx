import { useEffect, useRef } from 'preact/hooks';
import type { Article, ChannelDirectory } from '../../../shared/feed/types';
import { ArticleItem } from '../../components/article-item';
import { articleHref } from '../../components/article-link';
import { ContinueReading } from '../../components/continue-reading';
import { ArticleNotDownloaded } from '../../components/not-downloaded';
import { ReadAloudPlayer, ReadAloudScope } from '../../components/read-aloud';
import { ReadableParagraph } from '../../components/read-aloud/paragraph';
import { SaveToggle } from '../../components/save-toggle';
import { ShareButton } from '../../components/share-button';
import { ErrorPage, LoadingPage } from '../../components/status';
import type { FoundArticle } from '../../data';
import {
  NotDownloadedError,
  findChannel,
  getArticle,
  getRelated,
  markArticleRead,
  peekArticle,
  peekDirectory,
  peekRelated,
} from '../../data';
import { articleChannel, originOf } from '../../lib/article-origin';
import { usePage } from '../../lib/page';
import { useAsync } from '../../lib/use-async';
import { offlinePrefs } from '../../lib/prefs';
import { useObservable } from '../../lib/use-observable';
import { useChannelVersion } from '../../data';
import { ArticleView as ArticleDocument } from '../../../shared/view/article';
import { webUrl } from '../../../shared/web-url';
import './body.css';
import './style.css';

/**
 * The channel this article is read "in": where the reader came from, else the
 * story's city, else where the data layer found it (sections are searched first).
 */
function contextChannelId(found: FoundArticle, directory: ChannelDirectory | undefined): string {
  const origin = originOf(found.article.id);
  if (origin !== undefined) return origin;
  const city = found.article.city;
  if (city !== undefined && directory && findChannel(directory, city)) return city;
  return found.channelId;
}

/**
 * The address to share (分享, or the copied link): the story's page on the
 * portal (its canonical home) when the feed gives a web URL, else this app's
 * own link to it. Exported for the test that renders every feed URL.
 */
export function shareUrl(article: Article): string {
  return webUrl(article.url) ?? new URL(articleHref(article.id), location.origin).href;
}

function Related({ article, channelId }: { article: Article; channelId: string }) {
  // Quietly follows updates of the channel (no announcement while someone reads).
  const version = useChannelVersion([channelId]);
  const related = useAsync(
    (signal) => getRelated(article.id, channelId, 6, { signal }),
    [article.id, channelId, version],
    () => peekRelated(article.id, channelId),
  );
  if (related.status !== 'ready' || related.value.length === 0) return null;
  return (
    <section class="related" aria-labelledby="related-heading">
      <h2 id="related-heading" class="section-heading">
        相关新闻
      </h2>
      <ul class="news-list">
        {related.value.map((item) => (
          <ArticleItem
            key={item.id}
            article={item}
            channelId={channelId}
            heading="p"
            summary={false}
          />
        ))}
      </ul>
    </section>
  );
}

function ArticleView({ found }: { found: FoundArticle }) {
  const { article } = found;
  const channelId = contextChannelId(found, peekDirectory());
  // The header marks this channel as current while the article is on screen.
  useEffect(() => {
    articleChannel.set(channelId || undefined);
    return () => articleChannel.set(undefined);
  }, [channelId]);
  // For 已读, 最近阅读, and so eviction takes the least recently read articles first.
  useEffect(() => markArticleRead(article.id), [article.id]);
  const element = useRef<HTMLElement>(null);

  const { noImages } = useObservable(offlinePrefs);

  return (
    <ReadAloudScope article={article} channelId={channelId}>
      <ArticleDocument
        article={article}
        articleRef={element}
        options={{ noImages, Paragraph: ReadableParagraph }}
        slots={{
          tools: (
            <>
              <div class="article-tools">
                <SaveToggle article={article} />
                <ShareButton title={article.title} url={shareUrl(article)} />
              </div>
              <ContinueReading id={article.id} article={element} />
              <ReadAloudPlayer />
            </>
          ),
          after: channelId && <Related article={article} channelId={channelId} />,
        }}
      />
    </ReadAloudScope>
  );
}

/** `/article/:id` (the id arrives decoded by the router). */
export default function ArticleRoute({ id }: { id: string }) {
  const result = useAsync(
    (signal) => getArticle(id, { signal }),
    [id],
    () => peekArticle(id),
  );
  const notDownloaded = result.status === 'error' && result.error instanceof NotDownloadedError;
  let title: string | undefined;
  if (notDownloaded) title = '文章尚未下载';
  else if (result.status === 'error') title = '文章暂时无法打开';
  else if (result.status === 'ready') title = result.value?.article.title ?? '没有找到这篇文章';
  usePage(title);

  if (result.status === 'loading') return <LoadingPage label="正在加载文章…" />;
  if (notDownloaded) {
    return (
      <div class="page">
        <h1 class="page-title" tabindex={-1}>
          文章尚未下载
        </h1>
        <ArticleNotDownloaded />
      </div>
    );
  }
  if (result.status === 'error') {
    return <ErrorPage title="文章暂时无法打开" error={result.error} onRetry={result.retry} />;
  }
  if (!result.value) {
    return (
      <div class="page">
        <h1 class="page-title" tabindex={-1}>
          没有找到这篇文章
        </h1>
        <p>这篇文章不在目前能读取的频道里，可能已经下线，或者链接有误。</p>
        <p class="actions">
          <a class="button" href="/">
            首页
          </a>
          <a class="button button--secondary" href="/search">
            搜索
          </a>
        </p>
      </div>
    );
  }
  return (
    <div class="page">
      <ArticleView key={result.value.article.id} found={result.value} />
    </div>
  );
}
