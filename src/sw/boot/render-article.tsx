import { renderToString } from 'preact-render-to-string';
import { BOOT_ELEMENT_ID } from '../../shared/boot';
import { cleanLine } from '../../shared/feed/clean-text';
import type { Article } from '../../shared/feed/types';
import { ArticleView } from '../../shared/view/article';

/**
 * The boot view's markup: the page's own article view (src/shared/view),
 * rendered to a string, inside the frame the page's layout styles expect. No
 * markup is written by hand here, so every text and attribute from the feed is
 * escaped by preact-render-to-string, and the page's parts that need the app
 * (收藏, read aloud, 相关新闻) are simply absent.
 */
export function renderBootArticle(article: Article, noImages: boolean): string {
  return renderToString(
    <div id={BOOT_ELEMENT_ID} class="boot">
      <main class="page">
        <ArticleView article={article} options={{ noImages }} />
      </main>
    </div>,
  );
}

/**
 * A `<title>` for the boot view, escaped by the same renderer, and cleaned like
 * the page's document.title (articles stored by older versions were not).
 */
export function renderTitle(text: string): string {
  return renderToString(<title>{cleanLine(text)}</title>);
}
