import type { ComponentChildren } from 'preact';
import type { ArticleMark } from '../../data';
import { markOf, marksVersion } from '../../data';
import { rememberOrigin } from '../../lib/article-origin';
import { useObservable } from '../../lib/use-observable';
import { articleHref } from '../../../shared/view/news-item';
import './style.css';

// One definition of an article's route, shared with the worker's boot view of a list.
export { articleHref };

/**
 * The reader's marks on article `id` (已读, 已收藏), re-rendering when they
 * arrive or change. Every list item asking in one render is read in one batch.
 */
export function useArticleMark(id: string): ArticleMark {
  useObservable(marksVersion);
  return markOf(id);
}

/**
 * 「已读」 after a headline, inside its link: a screen reader hears it with the
 * headline wherever the link is met (lists, a links list), and it is a word,
 * not a colour. The space before it keeps it a word of its own when spoken.
 */
function ReadMark() {
  return (
    <>
      {' '}
      <span class="read-mark">已读</span>
    </>
  );
}

/**
 * A link to an article that remembers which channel it was followed from, so
 * the article page can pick related news from that channel and the header can
 * keep it marked as current. Articles the reader has opened say 「已读」
 * (`showRead={false}` where every entry is read, e.g. 最近阅读).
 */
export function ArticleLink({
  id,
  channelId,
  class: className,
  showRead = true,
  children,
}: {
  id: string;
  channelId?: string;
  class?: string;
  showRead?: boolean;
  children: ComponentChildren;
}) {
  const { read } = useArticleMark(id);
  return (
    <a
      class={className}
      href={articleHref(id)}
      onClick={channelId === undefined ? undefined : () => rememberOrigin(id, channelId)}
    >
      {/* A right-to-left headline must not reorder 「已读」 or the text around the link. */}
      <bdi>{children}</bdi>
      {showRead && read && <ReadMark />}
    </a>
  );
}
