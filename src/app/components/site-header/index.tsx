import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Channel } from '../../../shared/feed/types';
import { getDirectory, peekDirectory, useDirectoryVersion } from '../../data';
import { articleChannel } from '../../lib/article-origin';
import { useObservable } from '../../lib/use-observable';
import { useAsync } from '../../lib/use-async';
import { OfflineIndicator } from '../offline-indicator';
import { ErrorNotice } from '../status';
import { EvictionNote } from '../eviction-note';
import { StorageNote } from '../storage-note';
import { BookmarkIcon, LogoMark, SearchIcon, SettingsIcon } from './icons';
import './style.css';

const CITY_LIST_ID = 'city-list';
const MENU_ID = 'site-menu';

/** The header's tool links (搜索, 收藏, 设置), marking the current page. */
function ToolLinks({ path, variant }: { path: string; variant: 'bar' | 'menu' }) {
  return (
    <ul class={`tools tools--${variant}`}>
      <li>
        <a href="/search" aria-current={path === '/search' ? 'page' : undefined}>
          <SearchIcon />
          搜索
        </a>
      </li>
      <li>
        <a href="/saved" aria-current={path === '/saved' ? 'page' : undefined}>
          <BookmarkIcon />
          收藏
        </a>
      </li>
      <li>
        <a href="/settings" aria-current={path === '/settings' ? 'page' : undefined}>
          <SettingsIcon />
          设置
        </a>
      </li>
    </ul>
  );
}

/** The channel the current route belongs to, for aria-current. */
function useCurrentChannelId(path: string): string | undefined {
  const fromArticle = useObservable(articleChannel);
  if (path.startsWith('/channel/')) return decodeURIComponent(path.slice('/channel/'.length));
  if (path.startsWith('/article/')) return fromArticle;
  return undefined;
}

function ChannelLink({ channel, current }: { channel: Channel; current: boolean }) {
  return (
    <li>
      <a
        href={`/channel/${encodeURIComponent(channel.id)}`}
        aria-current={current ? 'page' : undefined}
      >
        {channel.title}
      </a>
    </li>
  );
}

/**
 * The banner: brand and tools on the red bar, then the 栏目 and 城市 navigation
 * built from channels.json. On narrow screens the city list is a disclosure
 * (button + list); CSS shows it permanently on wide screens.
 *
 * When the header is narrow for its text (large 字号 on a phone, see style.css)
 * it is compact: the red bar holds the brand and a 菜单 disclosure button, and
 * the tools and both navigations fold into the menu it controls. CSS chooses
 * by width in rem, so there is no measuring and no flash. The tools are
 * rendered twice, on the bar and in the menu, and CSS shows one of them (the
 * other is display: none, so assistive technology meets each link once): one
 * list cannot be both beside the brand and inside a menu below it.
 */
export function SiteHeader() {
  const { path } = useLocation();
  const version = useDirectoryVersion();
  const directory = useAsync((signal) => getDirectory({ signal }), [version], peekDirectory);
  const currentId = useCurrentChannelId(path);
  const [citiesOpen, setCitiesOpen] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);

  // Following a link is the end of the disclosures' job.
  useEffect(() => {
    setCitiesOpen(false);
    setMenuOpen(false);
  }, [path]);

  const channels = directory.status === 'ready' ? directory.value.channels : [];
  const sections = channels.filter((channel) => channel.kind === 'section');
  const cities = channels.filter((channel) => channel.kind === 'city');

  const onCityKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !citiesOpen) return;
    // One Escape closes one disclosure: the city list first, the menu around it on the next.
    event.preventDefault();
    setCitiesOpen(false);
    document.querySelector<HTMLElement>('.city-nav__toggle')?.focus();
  };

  const onHeaderKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented || !menuOpen) return;
    setMenuOpen(false);
    document.querySelector<HTMLElement>('.menu-toggle')?.focus();
  };

  return (
    <header class="site-header" onKeyDown={onHeaderKeyDown}>
      <div class="masthead">
        <div class="masthead__inner">
          <a class="brand" href="/">
            <LogoMark />
            齐鲁轻读
          </a>
          <OfflineIndicator />
          <ToolLinks path={path} variant="bar" />
          <button
            type="button"
            class="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls={MENU_ID}
            onClick={() => setMenuOpen((open) => !open)}
          >
            菜单
          </button>
        </div>
      </div>
      <div id={MENU_ID} class={menuOpen ? 'site-menu is-open' : 'site-menu'}>
        <ToolLinks path={path} variant="menu" />
        <nav class="section-nav" aria-label="栏目">
          <ul class="section-nav__list">
            <li>
              <a href="/" aria-current={path === '/' ? 'page' : undefined}>
                首页
              </a>
            </li>
            {sections.map((channel) => (
              <ChannelLink key={channel.id} channel={channel} current={channel.id === currentId} />
            ))}
          </ul>
          {directory.status === 'error' && (
            <ErrorNotice error={directory.error} onRetry={directory.retry} compact />
          )}
        </nav>
        <nav class="city-nav" aria-label="城市" onKeyDown={onCityKeyDown}>
          <div class="city-nav__inner">
            <span class="city-nav__label" aria-hidden="true">
              城市
            </span>
            <button
              type="button"
              class="city-nav__toggle"
              aria-expanded={citiesOpen}
              aria-controls={CITY_LIST_ID}
              onClick={() => setCitiesOpen((open) => !open)}
            >
              城市
            </button>
            <ul id={CITY_LIST_ID} class={citiesOpen ? 'city-nav__list is-open' : 'city-nav__list'}>
              {cities.map((channel) => (
                <ChannelLink
                  key={channel.id}
                  channel={channel}
                  current={channel.id === currentId}
                />
              ))}
            </ul>
            {directory.status === 'error' && <p class="city-nav__empty">城市列表暂时无法显示。</p>}
          </div>
        </nav>
      </div>
      <StorageNote />
      <EvictionNote />
    </header>
  );
}
