import { useEffect, useRef, useState } from 'preact/hooks';
import type { Article, Channel } from '../../../shared/feed/types';
import { ArticleItem } from '../../components/article-item';
import { DownloadControl } from '../../components/download-control';
import { ChannelNotDownloaded } from '../../components/not-downloaded';
import { RefreshError } from '../../components/refresh-error';
import { ErrorNotice, ErrorPage, Loading, LoadingPage } from '../../components/status';
import { UpdatedAt } from '../../components/updated-at';
import type { ChannelPage } from '../../data';
import {
  NotDownloadedError,
  findChannel,
  getChannelPage,
  getDirectory,
  nextPageOf,
  peekChannelPages,
  peekDirectory,
  useChannelVersion,
  useDirectoryVersion,
} from '../../data';
import { announce } from '../../lib/announce';
import { usePage } from '../../lib/page';
import { useAsync } from '../../lib/use-async';
import { NotFoundContent } from '../not-found';
import './style.css';

type MoreState = { status: 'idle' } | { status: 'loading' } | { status: 'error'; error: unknown };

/** Items of all pages in order, each article once (feeds can shift between page reads). */
function uniqueItems(pages: readonly ChannelPage[]): Article[] {
  const seen = new Set<string>();
  const items: Article[] = [];
  for (const page of pages) {
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
  }
  return items;
}

/**
 * The pages to show: everything read of this channel so far, as one chain
 * from `first` (memory holds what 「+更多」 opened, and updates land there too).
 */
function shownPages(channelId: string, first: ChannelPage): readonly ChannelPage[] {
  const chain = peekChannelPages(channelId);
  return chain[0]?.url === first.url ? chain : [first];
}

function ChannelFeed({ channel }: { channel: Channel }) {
  // Stored updates re-render the list in place (keyed items: scroll and focus stay).
  const version = useChannelVersion([channel.id], true);
  const first = useAsync(
    (signal) => getChannelPage(channel.id, undefined, { signal }),
    [channel.id, version],
    () => peekChannelPages(channel.id)[0],
  );
  // The page is there once its list (or what stands for it) is: only then does it take over
  // from the worker's boot view of this channel, which shows the stored list until then.
  usePage(first.status === 'loading' ? undefined : channel.title);
  // Bumped when 「+更多」 has put another page into memory.
  const [, setOpened] = useState(0);
  const [more, setMore] = useState<MoreState>({ status: 'idle' });
  const list = useRef<HTMLUListElement>(null);
  /** Index of the item that should take focus after 「+更多」. */
  const focusIndex = useRef<number | undefined>(undefined);
  const controller = useRef<AbortController | undefined>(undefined);

  useEffect(() => () => controller.current?.abort(), []);

  useEffect(() => {
    const index = focusIndex.current;
    if (index === undefined) return;
    focusIndex.current = undefined;
    list.current?.children[index]?.querySelector<HTMLElement>('a')?.focus();
  });

  const download = (
    <DownloadControl channels={[channel]} label={`下载离线：${channel.title}`} text="下载离线" />
  );

  if (first.status === 'loading') return <Loading />;
  if (first.status === 'error') {
    if (first.error instanceof NotDownloadedError) {
      return <ChannelNotDownloaded onRetry={first.retry} />;
    }
    return <ErrorNotice error={first.error} onRetry={first.retry} />;
  }

  const pages = shownPages(channel.id, first.value);
  const items = uniqueItems(pages);
  // Not simply the last next_url: one that loops back or leaves the feed's origin ends the list.
  const nextRef = nextPageOf(channel, pages);

  const loadMore = async () => {
    if (!nextRef || more.status === 'loading') return;
    setMore({ status: 'loading' });
    controller.current = new AbortController();
    try {
      const page = await getChannelPage(channel.id, nextRef, {
        signal: controller.current.signal,
      });
      const added = uniqueItems([...pages, page]).length - items.length;
      focusIndex.current = added > 0 ? items.length : undefined;
      setOpened((n) => n + 1);
      setMore({ status: 'idle' });
      announce(`已加载 ${added} 条`);
    } catch (error) {
      if (controller.current.signal.aborted) return;
      setMore({ status: 'error', error });
    }
  };

  return (
    <>
      <UpdatedAt fetchedAt={first.value.fetchedAt} />
      <RefreshError channelId={channel.id} />
      {download}
      {items.length === 0 ? (
        <p class="empty">这个频道暂时没有文章。</p>
      ) : (
        <>
          <ul class="news-list" ref={list}>
            {items.map((item) => (
              <ArticleItem key={item.id} article={item} channelId={channel.id} saveToggle />
            ))}
          </ul>
          <div class="channel-more">
            {more.status === 'error' && (
              <ErrorNotice error={more.error} onRetry={() => void loadMore()} />
            )}
            {nextRef ? (
              more.status !== 'error' && (
                <button
                  type="button"
                  class="button button--secondary channel-more__button"
                  aria-label="加载更多"
                  aria-busy={more.status === 'loading'}
                  onClick={() => void loadMore()}
                >
                  {more.status === 'loading' ? (
                    '正在加载…'
                  ) : (
                    <>
                      <span aria-hidden="true">+</span>更多
                    </>
                  )}
                </button>
              )
            ) : (
              <p class="channel-more__end">已显示全部</p>
            )}
          </div>
        </>
      )}
    </>
  );
}

/** `/channel/:id`: a channel's feed, 20 at a time with 「+更多」. */
export default function ChannelRoute({ id }: { id: string }) {
  const version = useDirectoryVersion();
  const directory = useAsync((signal) => getDirectory({ signal }), [version], peekDirectory);
  const channel = directory.status === 'ready' ? findChannel(directory.value, id) : undefined;
  // A channel's own title is set by its feed, once the list is there (ChannelFeed).
  usePage(directory.status === 'error' ? '频道暂时无法打开' : undefined);

  if (directory.status === 'loading') return <LoadingPage />;
  if (directory.status === 'error') {
    return <ErrorPage title="频道暂时无法打开" error={directory.error} onRetry={directory.retry} />;
  }
  if (!channel) return <NotFoundContent />;
  return (
    <div class="page">
      <h1 class="page-title" tabindex={-1}>
        {channel.title}
      </h1>
      <ChannelFeed key={channel.id} channel={channel} />
    </div>
  );
}
