import { renderToString } from 'preact-render-to-string';
import { BOOT_ELEMENT_ID } from '../../shared/boot';
import type { Article } from '../../shared/feed/types';
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
