import { renderToString } from 'preact-render-to-string';
import { BOOT_ELEMENT_ID } from '../../shared/boot';
import type { Article, Channel } from '../../shared/feed/types';
import { SITE_NAME } from '../../shared/site';
import {
  CitiesSection,
  HomeSection,
  HomeSectionItems,
  plainHomeLink,
} from '../../shared/view/home';
import { NewsItemView } from '../../shared/view/news-item';

/**
 * The boot view of a stored channel: its heading and first screen of items,
 * rendered by the page's own list item view (src/shared/view/news-item.tsx)
 * inside the frame the page's layout styles expect. Escaped by
 * preact-render-to-string like the article's; the parts that need the app
 * (「已读」, 收藏, 下载离线, 「更多」) come with it.
 */
export function renderBootList(
  title: string,
  articles: readonly Article[],
  noImages: boolean,
): string {
  return renderToString(
    <div id={BOOT_ELEMENT_ID} class="boot">
      <main class="page">
        <h1 class="page-title">{title}</h1>
        <ul class="news-list">
          {articles.map((article) => (
            <NewsItemView key={article.id} article={article} options={{ noImages }} />
          ))}
        </ul>
      </main>
    </div>,
  );
}

/** What the boot view of the front page shows: each section's first page, and the cities. */
export interface HomeSectionContent {
  readonly sections: readonly { channel: Channel; articles: readonly Article[] }[];
  readonly cities: readonly Channel[];
}

/**
 * The boot view of the stored front page, by the page's own views
 * (src/shared/view/home.tsx) with plain headline links.
 */
export function renderBootHome(content: HomeSectionContent, noImages: boolean): string {
  return renderToString(
    <div id={BOOT_ELEMENT_ID} class="boot">
      <main class="page page--wide home">
        <h1 class="home__title">{SITE_NAME}</h1>
        <div class="home-grid">
          {content.sections.map(({ channel, articles }) => (
            <HomeSection key={channel.id} channel={channel}>
              <HomeSectionItems
                channelId={channel.id}
                items={articles}
                Link={plainHomeLink}
                noImages={noImages}
              />
            </HomeSection>
          ))}
          <CitiesSection cities={content.cities} />
        </div>
      </main>
    </div>,
  );
}
