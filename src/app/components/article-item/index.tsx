import type { Article } from '../../../shared/feed/types';
import { webUrl } from '../../../shared/web-url';
import { offlinePrefs } from '../../lib/prefs';
import { useObservable } from '../../lib/observable';
import { ArticleLink } from '../article-link';
import { SaveToggle } from '../save-toggle';
import { Time } from '../time';
import './style.css';

/** Thumbnails are cropped to 4:3 in CSS; these attributes let layout reserve that space. */
const THUMB_WIDTH = 160;
const THUMB_HEIGHT = 120;

/**
 * One entry of a news list (a channel, search results): headline link (with
 * 「已读」 once opened), time, optional channel name, 收藏 toggle and summary,
 * and a decorative thumbnail. The image is alt="" because the headline right
 * next to it already says what it shows.
 */
export function ArticleItem({
  article,
  channelId,
  heading = 'h2',
  channelTitle,
  summary = true,
  saveToggle = false,
}: {
  article: Article;
  /** The channel the list belongs to, remembered when the link is followed. */
  channelId?: string;
  /** The element for the headline: a heading when items are sections of the page. */
  heading?: 'h2' | 'h3' | 'p';
  /** Shown next to the time (search results span channels). */
  channelTitle?: string;
  summary?: boolean;
  /** Offer the 收藏 toggle (channel lists; not in short lists such as 相关新闻). */
  saveToggle?: boolean;
}) {
  const Title = heading;
  // 省流量: no thumbnails (they are decorative, so nothing is lost but bytes).
  const { noImages } = useObservable(offlinePrefs);
  const thumb = noImages ? undefined : webUrl(article.image?.src);
  return (
    <li class={thumb ? 'news-item news-item--thumb' : 'news-item'}>
      <Title class="news-item__title">
        <ArticleLink id={article.id} channelId={channelId}>
          {article.title}
        </ArticleLink>
      </Title>
      <p class="news-item__meta">
        {channelTitle && <span class="news-item__channel">{channelTitle}</span>}
        <Time value={article.datePublished} />
        {saveToggle && (
          <SaveToggle article={article} title={article.title} class="news-item__save" />
        )}
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
