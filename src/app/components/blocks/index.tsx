import type { ComponentChildren } from 'preact';
import type { Block, FigureBlock, Inline } from '../../../shared/feed/types';
import { offlinePrefs } from '../../lib/prefs';
import { useObservable } from '../../lib/observable';
import { ReadableParagraph } from '../read-aloud/paragraph';
import { isWebUrl } from '../../../shared/web-url';
import './style.css';

/**
 * Space reserved for a figure whose feed gave no size: a 4:3 box at the
 * column's width, so text below does not jump when the image arrives (CSS
 * keeps the real aspect ratio once it has loaded).
 */
const DEFAULT_WIDTH = 800;
const DEFAULT_HEIGHT = 600;

/**
 * Renders an article body from its block tree as Preact elements. Feed HTML
 * never reaches the DOM as HTML: the feed module has already reduced it to
 * this allowlist, and here every node becomes an element we chose, so a
 * strict CSP with Trusted Types holds by construction.
 */
export function Blocks({
  blocks,
  readable = false,
}: {
  blocks: readonly Block[];
  /** Top-level paragraphs are numbered targets for 指读 (the article body). */
  readable?: boolean;
}) {
  let paragraph = 0;
  return (
    <>
      {blocks.map((block, index) => {
        if (!readable || block.t !== 'p') return renderBlock(block, index);
        paragraph += 1;
        return (
          <ReadableParagraph key={index} number={paragraph}>
            {renderInlines(block.c)}
          </ReadableParagraph>
        );
      })}
    </>
  );
}

function renderInlines(inlines: readonly Inline[]): ComponentChildren {
  return inlines.map((inline, index) => renderInline(inline, index));
}

function renderInline(inline: Inline, key: number): ComponentChildren {
  if (typeof inline === 'string') return inline;
  switch (inline.t) {
    case 'em':
      return <em key={key}>{renderInlines(inline.c)}</em>;
    case 'strong':
      return <strong key={key}>{renderInlines(inline.c)}</strong>;
    case 'a':
      // Links go out to other sites: only http(s) (isWebUrl), never with an opener.
      // Defence in depth: the feed module only emits http(s) links already.
      return isWebUrl(inline.href) ? (
        <a key={key} href={inline.href} rel="noopener noreferrer">
          {renderInlines(inline.c)}
        </a>
      ) : (
        <span key={key}>{renderInlines(inline.c)}</span>
      );
    case 'br':
      return <br key={key} />;
  }
}

/**
 * A figure; also used for an article's lead image. In 省流量 mode the picture
 * is not requested at all and its text alternative stands in its place, so the
 * reader still learns what it showed.
 */
export function Figure({ figure }: { figure: FigureBlock }) {
  const { noImages } = useObservable(offlinePrefs);
  const hasSize = figure.width !== undefined && figure.height !== undefined;
  if (noImages) {
    const hasCaption = figure.caption !== undefined && figure.caption.length > 0;
    if (!figure.alt && !hasCaption) return null;
    return (
      <figure class="body-figure body-figure--text">
        {figure.alt && <p class="body-figure__alt">图片：{figure.alt}</p>}
        {hasCaption && <figcaption>{renderInlines(figure.caption ?? [])}</figcaption>}
      </figure>
    );
  }
  return (
    <figure class="body-figure">
      <img
        src={figure.src}
        alt={figure.alt}
        width={hasSize ? figure.width : DEFAULT_WIDTH}
        height={hasSize ? figure.height : DEFAULT_HEIGHT}
        loading="lazy"
        decoding="async"
      />
      {figure.caption && figure.caption.length > 0 && (
        <figcaption>{renderInlines(figure.caption)}</figcaption>
      )}
    </figure>
  );
}

function renderBlock(block: Block, key: number): ComponentChildren {
  switch (block.t) {
    case 'p':
      return <p key={key}>{renderInlines(block.c)}</p>;
    case 'h': {
      const Heading = `h${block.level}` as const;
      return <Heading key={key}>{renderInlines(block.c)}</Heading>;
    }
    case 'ul':
    case 'ol': {
      const List = block.t;
      return (
        <List key={key}>
          {block.items.map((item, index) => (
            <li key={index}>{renderInlines(item)}</li>
          ))}
        </List>
      );
    }
    case 'quote':
      return (
        <blockquote key={key}>
          <Blocks blocks={block.c} />
        </blockquote>
      );
    case 'figure':
      return <Figure key={key} figure={block} />;
  }
}
