import { useEffect, useState } from 'preact/hooks';
import type { Channel } from '../../../shared/feed/types';
import type { HomeLink } from '../../../shared/view/home';
import { CitiesSection, HomeSection, HomeSectionItems } from '../../../shared/view/home';
import { ArticleLink } from '../../components/article-link';
import '../../components/city-links';
import { RefreshError } from '../../components/refresh-error';
import { ErrorNotice, Loading } from '../../components/status';
import {
  getChannelPage,
  getDirectory,
  peekChannelPages,
  peekDirectory,
  useChannelVersion,
  useDirectoryVersion,
} from '../../data';
import { HOME_DOCUMENT_TITLE } from '../../../shared/site';
import { SITE_NAME, usePage } from '../../lib/page';
import { offlinePrefs } from '../../lib/prefs';
import { useObservable } from '../../lib/use-observable';
import { useAsync } from '../../lib/use-async';
import './style.css';

/** The page's headline links: 「已读」 once opened, and the section's channel remembered. */
export const HomePageLink: HomeLink = ({ article, channelId, class: className }) => (
  <ArticleLink id={article.id} channelId={channelId} class={className}>
    {article.title}
  </ArticleLink>
);

function NewsSection({ channel, onShown }: { channel: Channel; onShown: (id: string) => void }) {
  const version = useChannelVersion([channel.id], true);
  const page = useAsync(
    (signal) => getChannelPage(channel.id, undefined, { signal }),
    [channel.id, version],
    () => peekChannelPages(channel.id)[0],
  );
  // 省流量: the picture cards keep their captions and lose the pictures.
  const { noImages } = useObservable(offlinePrefs);
  const shown = page.status !== 'loading';
  useEffect(() => {
    if (shown) onShown(channel.id);
  }, [shown, channel.id, onShown]);

  return (
    <HomeSection
      channel={channel}
      notice={page.status === 'ready' && <RefreshError channelId={channel.id} compact />}
    >
      {page.status === 'loading' && <Loading />}
      {page.status === 'error' && <ErrorNotice error={page.error} onRetry={page.retry} />}
      {page.status === 'ready' && (
        <HomeSectionItems
          channelId={channel.id}
          items={page.value.items}
          Link={HomePageLink}
          noImages={noImages}
        />
      )}
    </HomeSection>
  );
}

/** `/`: the portal's front page — 热点新闻, 滚动, 图片新闻 and the cities. */
export function Home() {
  const version = useDirectoryVersion();
  const directory = useAsync((signal) => getDirectory({ signal }), [version], peekDirectory);
  const sections =
    directory.status === 'ready'
      ? directory.value.channels.filter((channel) => channel.kind === 'section')
      : [];
  // The sections whose first page (or what stands for it) is on screen.
  const [shown, setShown] = useState<ReadonlySet<string>>(() => new Set());
  const [onShown] = useState(
    () => (id: string) => setShown((before) => (before.has(id) ? before : new Set(before).add(id))),
  );
  // The page is there once every section is: only then does it take over from the worker's
  // boot view of the front page, which shows the stored sections until then.
  // (A page already in memory shows in this very render: so the prerender, which runs no
  // effects, has the title too.)
  const ready =
    directory.status === 'error' ||
    (directory.status === 'ready' &&
      sections.every(
        (channel) => shown.has(channel.id) || peekChannelPages(channel.id)[0] !== undefined,
      ));
  usePage(ready ? SITE_NAME : undefined, HOME_DOCUMENT_TITLE);

  return (
    <div class="page page--wide home">
      <h1 class="home__title" tabindex={-1}>
        {SITE_NAME}
      </h1>
      {directory.status === 'loading' && <Loading />}
      {directory.status === 'error' && (
        <ErrorNotice error={directory.error} onRetry={directory.retry} />
      )}
      {directory.status === 'ready' && (
        <div class="home-grid">
          {sections.map((channel) => (
            <NewsSection key={channel.id} channel={channel} onShown={onShown} />
          ))}
          <CitiesSection
            cities={directory.value.channels.filter((channel) => channel.kind === 'city')}
          />
        </div>
      )}
    </div>
  );
}
