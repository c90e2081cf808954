import type { Article, Channel } from '../../../shared/feed/types';
import { webUrl } from '../../../shared/web-url';
import { ArticleLink } from '../../components/article-link';
import { CityLinks } from '../../components/city-links';
import { MoreLink } from '../../components/more-link';
import { RefreshError } from '../../components/refresh-error';
import { ErrorNotice, Loading } from '../../components/status';
import { Time } from '../../components/time';
import {
  getChannelPage,
  getDirectory,
  peekChannelPages,
  peekDirectory,
  useChannelVersion,
  useDirectoryVersion,
} from '../../data';
import { SITE_NAME, usePage } from '../../lib/page';
import { offlinePrefs } from '../../lib/prefs';
import { useObservable } from '../../lib/observable';
import { useAsync } from '../../lib/use-async';
import './style.css';

/**
 * How a section channel is laid out on the home page. The channels themselves
 * come from channels.json; this only picks a presentation for the ones the
 * portal is known to have, and any other section gets the plain list.
 */
type Layout = 'lead' | 'timeline' | 'gallery';
const LAYOUTS: Readonly<Record<string, Layout>> = {
  hot: 'lead',
  latest: 'timeline',
  photos: 'gallery',
};
const ITEM_COUNT: Readonly<Record<Layout, number>> = { lead: 8, timeline: 10, gallery: 6 };

/** Home cards are cropped to 4:3 in CSS; the attributes reserve that space. */
const CARD_WIDTH = 320;
const CARD_HEIGHT = 240;

function LeadList({ items, channelId }: { items: readonly Article[]; channelId: string }) {
  const [top, ...rest] = items;
  return (
    <ul class="lead-list">
      {top && (
        <li class="lead-list__top">
          <ArticleLink id={top.id} channelId={channelId} class="lead-list__headline">
            {top.title}
          </ArticleLink>
          {top.summary && (
            <p class="lead-list__summary clamp-3" dir="auto">
              {top.summary}
            </p>
          )}
        </li>
      )}
      {rest.map((item) => (
        <li key={item.id}>
          <ArticleLink id={item.id} channelId={channelId}>
            {item.title}
          </ArticleLink>
        </li>
      ))}
    </ul>
  );
}

function Timeline({ items, channelId }: { items: readonly Article[]; channelId: string }) {
  return (
    <ul class="timeline">
      {items.map((item) => (
        <li key={item.id}>
          <ArticleLink id={item.id} channelId={channelId}>
            {item.title}
          </ArticleLink>
          <Time value={item.datePublished} />
        </li>
      ))}
    </ul>
  );
}

/** Picture cards (the 图片 section); exported for the test that renders every feed URL. */
export function Gallery({ items, channelId }: { items: readonly Article[]; channelId: string }) {
  // 省流量: the cards keep their captions (the headline links) and lose the pictures.
  const { noImages } = useObservable(offlinePrefs);
  return (
    <ul class={noImages ? 'gallery gallery--text' : 'gallery'}>
      {items.map((item) => {
        const src = webUrl(item.image?.src);
        return (
          <li key={item.id}>
            <div class="card">
              {/* Decorative: the headline link right below names the story. Not a <figure>:
                a figure is named by its caption, so the headline would be heard twice. */}
              {!noImages && src && (
                <img
                  src={src}
                  alt=""
                  width={CARD_WIDTH}
                  height={CARD_HEIGHT}
                  loading="lazy"
                  decoding="async"
                />
              )}
              <p class="card__caption">
                <ArticleLink id={item.id} channelId={channelId}>
                  {item.title}
                </ArticleLink>
              </p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function NewsSection({ channel }: { channel: Channel }) {
  const layout = LAYOUTS[channel.id] ?? 'timeline';
  const version = useChannelVersion([channel.id], true);
  const page = useAsync(
    (signal) => getChannelPage(channel.id, undefined, { signal }),
    [channel.id, version],
    () => peekChannelPages(channel.id)[0],
  );
  const headingId = `home-${channel.id}`;

  let body;
  if (page.status === 'loading') body = <Loading />;
  else if (page.status === 'error') body = <ErrorNotice error={page.error} onRetry={page.retry} />;
  else {
    const withImages = page.value.items.filter((item) => webUrl(item.image?.src));
    const useGallery = layout === 'gallery' && withImages.length > 0;
    const items = (useGallery ? withImages : page.value.items).slice(0, ITEM_COUNT[layout]);
    if (items.length === 0) body = <p class="empty">这个频道暂时没有文章。</p>;
    else if (useGallery) body = <Gallery items={items} channelId={channel.id} />;
    else if (layout === 'lead') body = <LeadList items={items} channelId={channel.id} />;
    else body = <Timeline items={items} channelId={channel.id} />;
  }

  return (
    <section class={`home-section home-section--${layout}`} aria-labelledby={headingId}>
      <h2 id={headingId} class="section-heading">
        {channel.title}
      </h2>
      {page.status === 'ready' && <RefreshError channelId={channel.id} compact />}
      {body}
      <p class="home-section__more">
        <MoreLink
          href={`/channel/${encodeURIComponent(channel.id)}`}
          channelTitle={channel.title}
        />
      </p>
    </section>
  );
}

/** `/`: the portal's front page — 热点新闻, 滚动, 图片新闻 and the cities. */
export function Home() {
  usePage(SITE_NAME, `${SITE_NAME} - 山东新闻离线阅读`);
  const version = useDirectoryVersion();
  const directory = useAsync((signal) => getDirectory({ signal }), [version], peekDirectory);

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
          {directory.value.channels
            .filter((channel) => channel.kind === 'section')
            .map((channel) => (
              <NewsSection key={channel.id} channel={channel} />
            ))}
          <section class="home-section home-section--cities" aria-labelledby="home-cities">
            <h2 id="home-cities" class="section-heading">
              城市频道
            </h2>
            <CityLinks
              cities={directory.value.channels.filter((channel) => channel.kind === 'city')}
            />
          </section>
        </div>
      )}
    </div>
  );
}
