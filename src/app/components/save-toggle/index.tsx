import { useState } from 'preact/hooks';
import type { Article } from '../../../shared/feed/types';
import { setArticleSaved } from '../../data/saved';
import { useArticleMark } from '../article-link';
import { TOOL_BUTTON, ToolIcon } from '../tool-button';
import './style.css';

/**
 * The 收藏 toggle. Its name is always 「收藏」 and `aria-pressed` says whether
 * the article is saved; on screen the word becomes 「已收藏」 and the star
 * fills, so the state is never told by colour alone. In lists, `title` adds
 * the headline to the name (「收藏：标题」, still starting with the visible
 * word), so twenty 「收藏」 buttons in a row each say which article they save.
 */
export function SaveToggle({
  article,
  title,
  class: className,
}: {
  article: Article;
  /** The headline, for buttons that sit in a list of articles. */
  title?: string;
  class?: string;
}) {
  const { saved } = useArticleMark(article.id);
  const [busy, setBusy] = useState(false);
  const toggle = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await setArticleSaved(article, !saved);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      class={`${TOOL_BUTTON} save-toggle${className ? ` ${className}` : ''}`}
      aria-pressed={saved}
      aria-label={title && `收藏：${title}`}
      onClick={() => void toggle()}
    >
      {/* A star: outlined when not saved, filled when saved (shape, not only colour). */}
      <ToolIcon filled={saved}>
        <path d="m12 3 2.8 5.7 6.2.9-4.5 4.4 1 6.2L12 17.3 6.5 20.2l1-6.2L3 9.6l6.2-.9z" />
      </ToolIcon>
      <span>{saved && <span aria-hidden="true">已</span>}收藏</span>
    </button>
  );
}
