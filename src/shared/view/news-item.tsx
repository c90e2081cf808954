import type { ComponentChildren } from 'preact';
import { formatListDate } from '../date';
import type { Article } from '../feed/types';
import { webUrl } from '../web-url';

/** Thumbnails are cropped to 4:3 in CSS; these attributes let layout reserve that space. */
const THUMB_WIDTH = 160;
const THUMB_HEIGHT = 120;

/** The route of article `id` (ids are URL-encoded, so any id is safe in a path). */
export function articleHref(id: string): string {
  return `/article/${encodeURIComponent(id)}`;
}

/** What {@link NewsItemView} shows besides the article; the page fills the slots. */
export interface NewsItemOptions {
  /** The element for the headline: a heading when items are sections of the page. */
  readonly heading?: 'h2' | 'h3' | 'p';
  /** Shown next to the time (search results span channels). */
  readonly channelTitle?: string | undefined;
  readonly summary?: boolean;
  /** 省流量: no thumbnail (it is decorative, so nothing is lost but bytes). */
  readonly noImages: boolean;
  /** The headline link; a plain link to the article by default. */
  readonly link?: ComponentChildren;
  /** Controls after the time (the page's 收藏 toggle). */
  readonly actions?: ComponentChildren;
}

/** The plain headline link, as the service worker's boot view of a list has it. */
export function PlainArticleLink({
  article,
  class: className,
}: {
  article: Article;
  class?: string;
}) {
  return (
    <a class={className} href={articleHref(article.id)}>
      {/* A right-to-left headline must not reorder the text around the link. */}
      <bdi>{article.title}</bdi>
    </a>
  );
}

/**
 * One entry of a news list: headline link, time, optional channel name and
 * controls, summary, and a decorative thumbnail (alt="": the headline right
 * next to it already says what it shows). One view for both renderers: the
 * page's list item (src/app/components/article-item) fills the slots with its
 * interactive parts, and the service worker renders it plain for the boot view
 * of a stored channel, so what an offline reader sees first is what the page then shows.
 */
export function NewsItemView({ article, options }: { article: Article; options: NewsItemOptions }) {
  const { heading: Title = 'h2', channelTitle, summary = true, noImages, link, actions } = options;
  const thumb = noImages ? undefined : webUrl(article.image?.src);
  return (
    <li class={thumb ? 'news-item news-item--thumb' : 'news-item'}>
      <Title class="news-item__title">{link ?? <PlainArticleLink article={article} />}</Title>
      <p class="news-item__meta">
        {channelTitle && <span class="news-item__channel">{channelTitle}</span>}
        <time dateTime={article.datePublished}>{formatListDate(article.datePublished)}</time>
        {actions}
      </p>
      {summary && article.summary && (
        <p class="news-item__summary clamp-3" dir="auto">
          {article.summary}
        </p>
      )}
      {thumb && (
        <img
          class="news-item__thumb"
          src={thumb}
          alt=""
          width={THUMB_WIDTH}
          height={THUMB_HEIGHT}
          loading="lazy"
          decoding="async"
        />
      )}
    </li>
  );
}
