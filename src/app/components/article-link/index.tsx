import type { ComponentChildren } from 'preact';
import { rememberOrigin } from '../../lib/article-origin';

/** The route of article `id` (ids are URL-encoded, so any id is safe in a path). */
export function articleHref(id: string): string {
  return `/article/${encodeURIComponent(id)}`;
}

/**
 * A link to an article that remembers which channel it was followed from, so
 * the article page can pick related news from that channel and the header can
 * keep it marked as current.
 */
export function ArticleLink({
  id,
  channelId,
  class: className,
  children,
}: {
  id: string;
  channelId?: string;
  class?: string;
  children: ComponentChildren;
}) {
  return (
    <a
      class={className}
      href={articleHref(id)}
      onClick={channelId === undefined ? undefined : () => rememberOrigin(id, channelId)}
    >
      {children}
    </a>
  );
}
