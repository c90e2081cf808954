import type { Ref } from 'preact';
import type { Channel } from '../../../shared/feed/types';
import type { SearchHit, TextPart } from '../../../shared/search/index';
import { ArticleLink } from '../../components/article-link';
import { Time } from '../../components/time';
// Results look like every other news list; only the excerpt and the marks are their own.
import '../../components/article-item/style.css';

/** Text with the parts that match the query in `<mark>`. */
export function Marked({ parts }: { parts: readonly TextPart[] }) {
  return <>{parts.map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}

/**
 * One search result: the headline (a link, matches marked; a heading under
 * the list's 「搜索结果」, so a screen reader can jump from result to result),
 * where it was published and when, and an excerpt around the first match.
 */
function Hit({
  hit,
  channel,
  linkRef,
}: {
  hit: SearchHit;
  channel: Channel | undefined;
  linkRef?: Ref<HTMLHeadingElement>;
}) {
  return (
    <li class="news-item search-hit">
      <h3 class="news-item__title" ref={linkRef}>
        <ArticleLink id={hit.articleId} channelId={channel?.id}>
          <Marked parts={hit.title} />
        </ArticleLink>
      </h3>
      <p class="news-item__meta">
        {channel && <span class="news-item__channel">{channel.title}</span>}
        <Time value={hit.datePublished} />
      </p>
      <p class="search-hit__snippet" dir="auto">
        <Marked parts={hit.snippet} />
      </p>
    </li>
  );
}

/**
 * The results list. Each hit shows the channel it is filtered by, or else the
 * first of its channels the directory knows. `firstNewRef` goes on the first
 * hit that 「显示更多结果」 added, so focus can move there.
 */
export function Results({
  hits,
  channels,
  channelId,
  firstNew,
  firstNewRef,
}: {
  hits: readonly SearchHit[];
  channels: ReadonlyMap<string, Channel>;
  channelId: string;
  firstNew: number;
  firstNewRef: Ref<HTMLHeadingElement>;
}) {
  const channelOf = (hit: SearchHit): Channel | undefined =>
    channels.get(channelId) ??
    hit.channelIds.map((id) => channels.get(id)).find((channel) => channel !== undefined);
  return (
    <ul class="news-list">
      {hits.map((hit, i) => (
        <Hit
          key={hit.articleId}
          hit={hit}
          channel={channelOf(hit)}
          {...(i === firstNew && { linkRef: firstNewRef })}
        />
      ))}
    </ul>
  );
}
