import type { Article } from '../../../shared/feed/types';
import { NewsItemView } from '../../../shared/view/news-item';
import { offlinePrefs } from '../../lib/prefs';
import { useObservable } from '../../lib/use-observable';
import { ArticleLink } from '../article-link';
import { SaveToggle } from '../save-toggle';
import './style.css';

/**
 * One entry of a news list (a channel, search results): the shared list item
 * (src/shared/view/news-item.tsx) with the page's parts in it: a headline link
 * that says 「已读」 once opened and remembers the channel, and the 收藏 toggle.
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
  // 省流量: no thumbnails.
  const { noImages } = useObservable(offlinePrefs);
  return (
    <NewsItemView
      article={article}
      options={{
        heading,
        channelTitle,
        summary,
        noImages,
        link: (
          <ArticleLink id={article.id} channelId={channelId}>
            {article.title}
          </ArticleLink>
        ),
        actions: saveToggle && (
          <SaveToggle article={article} title={article.title} class="news-item__save" />
        ),
      }}
    />
  );
}
