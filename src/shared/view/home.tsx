import type { ComponentChildren, VNode } from 'preact';
import { formatListDate } from '../date';
import type { Article, Channel } from '../feed/types';
import { webUrl } from '../web-url';
import { PlainArticleLink } from './news-item';

/**
 * The front page's sections as the portal lays them out (热点新闻 as a lead
 * story and headlines, 滚动 as a timeline, 图片新闻 as picture cards) and its
 * city grid. One view for both renderers: the page's home route passes its
 * own headline links (「已读」, the channel remembered), and the service
 * worker renders it plain for the boot view of a stored front page.
 */

/**
 * How a section channel is laid out. The channels themselves come from
 * channels.json; this only picks a presentation for the ones the portal is
 * known to have, and any other section gets the timeline.
 */
export type HomeLayout = 'lead' | 'timeline' | 'gallery';
const LAYOUTS: Readonly<Record<string, HomeLayout>> = {
  hot: 'lead',
  latest: 'timeline',
  photos: 'gallery',
};
const ITEM_COUNT: Readonly<Record<HomeLayout, number>> = { lead: 8, timeline: 10, gallery: 6 };

/** Home cards are cropped to 4:3 in CSS; the attributes reserve that space. */
const CARD_WIDTH = 320;
const CARD_HEIGHT = 240;

/** The layout of section `channelId` on the front page. */
export function homeLayout(channelId: string): HomeLayout {
  return LAYOUTS[channelId] ?? 'timeline';
}

/** A headline link of the front page: the page's (with its marks) or the plain one. */
export type HomeLink = (props: { article: Article; channelId: string; class?: string }) => VNode;

/** The plain headline link, as the service worker's boot view has it. */
export const plainHomeLink: HomeLink = ({ article, class: className }) => (
  <PlainArticleLink article={article} class={className} />
);

interface ListProps {
  readonly items: readonly Article[];
  readonly channelId: string;
  readonly Link: HomeLink;
}

function LeadList({ items, channelId, Link }: ListProps) {
  const [top, ...rest] = items;
  return (
    <ul class="lead-list">
      {top && (
        <li class="lead-list__top">
          <Link article={top} channelId={channelId} class="lead-list__headline" />
          {top.summary && (
            <p class="lead-list__summary clamp-3" dir="auto">
              {top.summary}
            </p>
          )}
        </li>
      )}
      {rest.map((item) => (
        <li key={item.id}>
          <Link article={item} channelId={channelId} />
        </li>
      ))}
    </ul>
  );
}

function Timeline({ items, channelId, Link }: ListProps) {
  return (
    <ul class="timeline">
      {items.map((item) => (
        <li key={item.id}>
          <Link article={item} channelId={channelId} />
          <time dateTime={item.datePublished}>{formatListDate(item.datePublished)}</time>
        </li>
      ))}
    </ul>
  );
}

/** Picture cards (the 图片 section). 省流量: the cards keep their captions and lose the pictures. */
export function GalleryView({
  items,
  channelId,
  Link,
  noImages,
}: ListProps & { noImages: boolean }) {
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
                <Link article={item} channelId={channelId} />
              </p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** The items of a section's first page, laid out as the section's layout wants them. */
export function HomeSectionItems({
  channelId,
  items: all,
  Link,
  noImages,
}: {
  channelId: string;
  items: readonly Article[];
  Link: HomeLink;
  noImages: boolean;
}) {
  const layout = homeLayout(channelId);
  // Picture cards need pictures: a 图片 page without any falls back to the timeline's list.
  const withImages = all.filter((item) => webUrl(item.image?.src));
  const useGallery = layout === 'gallery' && withImages.length > 0;
  const items = (useGallery ? withImages : all).slice(0, ITEM_COUNT[layout]);
  if (items.length === 0) return <p class="empty">这个频道暂时没有文章。</p>;
  if (useGallery)
    return <GalleryView items={items} channelId={channelId} Link={Link} noImages={noImages} />;
  if (layout === 'lead') return <LeadList items={items} channelId={channelId} Link={Link} />;
  return <Timeline items={items} channelId={channelId} Link={Link} />;
}

/**
 * The portal's 「+更多」: short on screen, but a link name that makes sense
 * alone in a screen reader's links list ("更多热点新闻"). The name is an
 * aria-label rather than visually hidden text because Chromium puts a space
 * before an absolutely positioned span ("更多 热点新闻"); the visible "更多" is
 * part of it (WCAG 2.5.3) and the "+" is hidden so it is not read as "加号".
 */
export function MoreLink({ href, channelTitle }: { href: string; channelTitle: string }) {
  const name = channelTitle.endsWith('新闻') ? channelTitle : `${channelTitle}新闻`;
  return (
    <a class="more-link" href={href} aria-label={`更多${name}`}>
      <span aria-hidden="true">+</span>更多
    </a>
  );
}

/** The route of channel `id`. */
export function channelHref(id: string): string {
  return `/channel/${encodeURIComponent(id)}`;
}

/** One section of the front page around its items; `notice` goes above them (the page's refresh error). */
export function HomeSection({
  channel,
  notice,
  children,
}: {
  channel: Channel;
  notice?: ComponentChildren;
  children: ComponentChildren;
}) {
  const headingId = `home-${channel.id}`;
  return (
    <section
      class={`home-section home-section--${homeLayout(channel.id)}`}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} class="section-heading">
        {channel.title}
      </h2>
      {notice}
      {children}
      <p class="home-section__more">
        <MoreLink href={channelHref(channel.id)} channelTitle={channel.title} />
      </p>
    </section>
  );
}

/** A grid of links to every city channel, in directory order. */
export function CityLinks({ cities }: { cities: readonly Channel[] }) {
  return (
    <ul class="city-grid">
      {cities.map((city) => (
        <li key={city.id}>
          <a href={channelHref(city.id)}>{city.title}</a>
        </li>
      ))}
    </ul>
  );
}

/** The front page's 城市频道 section. */
export function CitiesSection({ cities }: { cities: readonly Channel[] }) {
  return (
    <section class="home-section home-section--cities" aria-labelledby="home-cities">
      <h2 id="home-cities" class="section-heading">
        城市频道
      </h2>
      <CityLinks cities={cities} />
    </section>
  );
}
