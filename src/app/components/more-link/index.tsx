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
