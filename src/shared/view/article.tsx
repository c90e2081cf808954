import type { ComponentChildren, Ref } from 'preact';
import { Fragment } from 'preact';
import { formatDateTime } from '../date';
import type { Article } from '../feed/types';
import { webUrl } from '../web-url';
import type { BlockViewOptions } from './blocks';
import { BlocksView, FigureView } from './blocks';

/**
 * The article as the portal prints it: headline block (引题, 标题, 副题),
 * metadata line (发布时间, 来源, 作者, 责任编辑), body and 阅读原文. One view for
 * both renderers: the page mounts it with its interactive parts in the slots,
 * the service worker renders it to HTML for the boot view of a stored article,
 * so what an offline reader sees first is what the page then shows.
 */

/** The label of demo articles (see the footer's note). */
export const DEMO_LABEL = '示例内容';

/**
 * Demo articles say so in a closing note ("（示例内容：…）"); a feed may also
 * tag them. Either way the reader sees the label before the story, not after.
 */
export function isDemo(article: Article): boolean {
  return article.tags.includes(DEMO_LABEL) || article.text.includes(`${DEMO_LABEL}：`);
}

function Meta({ article }: { article: Article }) {
  return (
    <dl class="article-meta">
      <div>
        <dt>发布时间</dt>
        <dd>
          <time dateTime={article.datePublished}>{formatDateTime(article.datePublished)}</time>
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
          <dd>
            {article.authors.map((author, index) => (
              // Each name isolated: a right-to-left name must not swap places with its neighbours.
              <Fragment key={index}>
                {index > 0 && ' '}
                <bdi>{author}</bdi>
              </Fragment>
            ))}
          </dd>
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

function Body({ article, options }: { article: Article; options: BlockViewOptions }) {
  // The lead image is shown unless the body already has the same picture.
  const lead = article.image;
  const leadInBody =
    lead && article.blocks.some((block) => block.t === 'figure' && block.src === lead.src);
  return (
    <div class="article-body">
      {lead && !leadInBody && (
        <FigureView
          figure={{ t: 'figure', src: lead.src, alt: lead.alt }}
          noImages={options.noImages}
        />
      )}
      <BlocksView blocks={article.blocks} options={options} />
      {article.credit && (
        <p class="credit" dir="auto">
          {article.credit}
        </p>
      )}
    </div>
  );
}

/** What the page adds around the shared parts; the boot view has none of them. */
export interface ArticleSlots {
  /** Between the metadata and the body (收藏, 分享, 继续阅读, the read-aloud player). */
  readonly tools?: ComponentChildren;
  /** After 阅读原文 (相关新闻). */
  readonly after?: ComponentChildren;
}

/**
 * The whole article element. `options` says how the body shows (无图, the
 * paragraph component); `articleRef` reaches the `<article>` element (the page
 * measures reading position on it).
 */
export function ArticleView({
  article,
  options,
  slots = {},
  articleRef,
}: {
  article: Article;
  options: BlockViewOptions;
  slots?: ArticleSlots;
  articleRef?: Ref<HTMLElement>;
}) {
  const sourceUrl = webUrl(article.url);
  return (
    <article class="article" ref={articleRef}>
      <header class="article-head">
        {isDemo(article) && <p class="badge">{DEMO_LABEL}</p>}
        {article.kicker && (
          <p class="kicker" dir="auto">
            {article.kicker}
          </p>
        )}
        {/* Focus lands here when the route changes (lib/page.ts). */}
        {/* dir="auto": feed text sets its own direction, so right-to-left text reads right. */}
        <h1 class="article-title" tabindex={-1} dir="auto">
          {article.title}
        </h1>
        {article.subtitles.map((line, index) => (
          <p key={index} class="subtitle" dir="auto">
            {line}
          </p>
        ))}
      </header>
      <Meta article={article} />
      {slots.tools}
      <Body article={article} options={options} />
      {/* The same check as body links: a feed's URL becomes a link only when it is http(s). */}
      {sourceUrl && (
        <p class="source-link">
          <a href={sourceUrl} rel="noopener noreferrer">
            阅读原文
          </a>
        </p>
      )}
      {slots.after}
    </article>
  );
}
