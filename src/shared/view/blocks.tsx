import type { ComponentChildren, ComponentType } from 'preact';
import type { Block, FigureBlock, Inline } from '../feed/types';
import { webUrl } from '../web-url';

/**
 * The block tree of an article as Preact elements, with no state and no
 * browser API: the page renders it into the DOM and the service worker renders
 * it to a string for its boot view, so both show the same structure by
 * construction. Feed content never becomes markup here: the feed module has
 * already reduced it to an allowlist, every node becomes an element chosen
 * below, and text is escaped by whoever renders (the DOM, or
 * preact-render-to-string).
 */

/**
 * Space reserved for a figure whose feed gave no size: a 4:3 box at the
 * column's width, so text below does not jump when the image arrives (CSS
 * keeps the real aspect ratio once it has loaded).
 */
const DEFAULT_WIDTH = 800;
const DEFAULT_HEIGHT = 600;

/** What a top-level body paragraph is rendered with (the page's 指读 targets). */
export type ParagraphComponent = ComponentType<{ number: number; children: ComponentChildren }>;

/** How blocks are shown: the reader's 省流量 choice and the body's paragraph component. */
export interface BlockViewOptions {
  /** 省流量 / 无图: pictures are not requested; their text alternative stands in. */
  readonly noImages: boolean;
  /** Top-level paragraphs of the body; a plain `<p>` when absent. */
  readonly Paragraph?: ParagraphComponent;
}

/** Top-level paragraphs are numbered from 1, in order, for {@link BlockViewOptions.Paragraph}. */
export function BlocksView({
  blocks,
  options,
}: {
  blocks: readonly Block[];
  options: BlockViewOptions;
}) {
  const { Paragraph } = options;
  let paragraph = 0;
  return (
    <>
      {blocks.map((block, index) => {
        if (!Paragraph || block.t !== 'p') return renderBlock(block, index, options.noImages);
        paragraph += 1;
        return (
          <Paragraph key={index} number={paragraph}>
            {renderInlines(block.c)}
          </Paragraph>
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
    case 'a': {
      // Links go out to other sites: only http(s) (webUrl), never with an opener.
      // Defence in depth: the feed module only emits http(s) links already.
      const href = webUrl(inline.href);
      return href ? (
        <a key={key} href={href} rel="noopener noreferrer">
          {renderInlines(inline.c)}
        </a>
      ) : (
        <span key={key}>{renderInlines(inline.c)}</span>
      );
    }
    case 'br':
      return <br key={key} />;
  }
}

/**
 * A figure; also an article's lead image. In 省流量 mode the picture is not
 * requested at all and its text alternative stands in its place, so the reader
 * still learns what it showed.
 */
export function FigureView({ figure, noImages }: { figure: FigureBlock; noImages: boolean }) {
  const hasCaption = figure.caption !== undefined && figure.caption.length > 0;
  // A picture whose address is not http(s) is shown as its text, like in 省流量 mode.
  const src = webUrl(figure.src);
  if (noImages || !src) {
    if (!figure.alt && !hasCaption) return null;
    return (
      <figure class="body-figure body-figure--text">
        {figure.alt && <p class="body-figure__alt">图片：{figure.alt}</p>}
        {hasCaption && <figcaption>{renderInlines(figure.caption ?? [])}</figcaption>}
      </figure>
    );
  }
  const hasSize = figure.width !== undefined && figure.height !== undefined;
  return (
    <figure class="body-figure">
      <img
        src={src}
        alt={figure.alt}
        width={hasSize ? figure.width : DEFAULT_WIDTH}
        height={hasSize ? figure.height : DEFAULT_HEIGHT}
        loading="lazy"
        decoding="async"
      />
      {hasCaption && <figcaption>{renderInlines(figure.caption ?? [])}</figcaption>}
    </figure>
  );
}

function renderBlock(block: Block, key: number, noImages: boolean): ComponentChildren {
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
      // Paragraphs inside a quote are not 指读 targets: they are not the body's own.
      return (
        <blockquote key={key}>
          <BlocksView blocks={block.c} options={{ noImages }} />
        </blockquote>
      );
    case 'figure':
      return <FigureView key={key} figure={block} noImages={noImages} />;
  }
}
