import { useEffect, useRef } from 'preact/hooks';
import type { Article, ChannelDirectory } from '../../../shared/feed/types';
import { ArticleItem } from '../../components/article-item';
import { articleHref } from '../../components/article-link';
import { Blocks, Figure } from '../../components/blocks';
import { ContinueReading } from '../../components/continue-reading';
import { ArticleNotDownloaded } from '../../components/not-downloaded';
import { ReadAloudPlayer, ReadAloudScope } from '../../components/read-aloud';
import { SaveToggle } from '../../components/save-toggle';
import { ShareButton } from '../../components/share-button';
import { ErrorPage, LoadingPage } from '../../components/status';
import { Time } from '../../components/time';
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
import { useChannelVersion } from '../../data';
import './style.css';

/** The label of demo articles (see the footer's note). */
const DEMO_LABEL = '示例内容';

/**
 * Demo articles say so in a closing note ("（示例内容：…）"); a feed may also
 * tag them. Either way the reader sees the label before the story, not after.
 */
function isDemo(article: Article): boolean {
  return article.tags.includes(DEMO_LABEL) || article.text.includes(`${DEMO_LABEL}：`);
}

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

function Meta({ article }: { article: Article }) {
  return (
    <dl class="article-meta">
      <div>
        <dt>发布时间</dt>
        <dd>
          <Time value={article.datePublished} format="full" />
        </dd>
      </div>
      {article.source && (
        <div>
          <dt>来源</dt>
          <dd>{article.source}</dd>
        </div>
      )}
      {article.authors.length > 0 && (
        <div>
          <dt>作者</dt>
          <dd>{article.authors.join(' ')}</dd>
        </div>
      )}
      {article.editor && (
        <div>
          <dt>责任编辑</dt>
          <dd>{article.editor}</dd>
        </div>
      )}
    </dl>
  );
}

/**
 * The address to share: the story's page on the portal (its canonical home),
 * or this app's own link to it when the feed gives none.
 */
function shareUrl(article: Article): string {
  return article.url ?? new URL(articleHref(article.id), location.origin).href;
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

  // The lead image is shown unless the body already has the same picture.
  const lead = article.image;
  const leadInBody =
    lead && article.blocks.some((block) => block.t === 'figure' && block.src === lead.src);

  return (
    <ReadAloudScope article={article} channelId={channelId}>
      <article class="article" ref={element}>
        <header class="article-head">
          {isDemo(article) && <p class="badge">{DEMO_LABEL}</p>}
          {article.kicker && <p class="kicker">{article.kicker}</p>}
          <h1 class="article-title" tabindex={-1}>
            {article.title}
          </h1>
          {article.subtitles.map((line, index) => (
            <p key={index} class="subtitle">
              {line}
            </p>
          ))}
        </header>
        <Meta article={article} />
        <div class="article-tools">
          <SaveToggle article={article} />
          <ShareButton title={article.title} url={shareUrl(article)} />
        </div>
        <ContinueReading id={article.id} article={element} />
        <ReadAloudPlayer />
        <div class="article-body">
          {lead && !leadInBody && <Figure figure={{ t: 'figure', src: lead.src, alt: lead.alt }} />}
          <Blocks blocks={article.blocks} readable />
          {article.credit && <p class="credit">{article.credit}</p>}
        </div>
        {article.url && (
          <p class="source-link">
            <a href={article.url} rel="noopener noreferrer">
              阅读原文
            </a>
          </p>
        )}
        {channelId && <Related article={article} channelId={channelId} />}
      </article>
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
