import type { ComponentChildren } from 'preact';
import { Fragment } from 'preact';
import { useContext } from 'preact/hooks';
import { ReadAloudContext } from './context';

/**
 * A body paragraph that 指读 can start from. While the player is open it is
 * followed by a 「从此段朗读」 button (shown on hover or keyboard focus, so it
 * does not clutter the text) and a tap on the paragraph itself starts there
 * too; the button is the keyboard and screen-reader way in. The button is a
 * sibling, not a child, so the paragraph's own text stays exactly the article's.
 */
export function ReadableParagraph({
  number,
  children,
}: {
  number: number;
  children: ComponentChildren;
}) {
  const targets = useContext(ReadAloudContext);
  const open = targets?.open === true;
  const start = () => targets?.readFrom(number);
  const onTap = (event: MouseEvent) => {
    // A tap on a link inside the paragraph follows the link.
    if (event.target instanceof Element && event.target.closest('a')) return;
    start();
  };
  return (
    <Fragment>
      <p
        data-read-para={number}
        class={open ? 'read-para' : undefined}
        onClick={open ? onTap : undefined}
      >
        {children}
      </p>
      {open && (
        // The name says which paragraph; it starts with the visible words (WCAG 2.5.3).
        <button
          type="button"
          class="read-from"
          aria-label={`从此段朗读：第 ${number} 段`}
          onClick={start}
        >
          从此段朗读
        </button>
      )}
    </Fragment>
  );
}
