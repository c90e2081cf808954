import { useEffect, useRef, useState } from 'preact/hooks';
import { announce } from '../../lib/announce';
import { TOOL_BUTTON, ToolIcon } from '../tool-button';
import './style.css';

/** What is shared: the headline and the canonical address. */
export interface ShareData {
  readonly title: string;
  readonly url: string;
}

/** How sharing ended. */
export type ShareResult = 'shared' | 'cancelled' | 'copied' | 'failed';

/** The reader closed the share sheet: that is a choice, not a failure. */
function isCancel(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * Shares through the system share sheet (Web Share API) where there is one;
 * otherwise, or when the sheet refuses, copies the address to the clipboard.
 * Exported for testing the order of attempts without a button.
 */
export async function shareOrCopy(data: ShareData): Promise<ShareResult> {
  if (typeof navigator.share === 'function') {
    try {
      await navigator.share({ title: data.title, url: data.url });
      return 'shared';
    } catch (error) {
      if (isCancel(error)) return 'cancelled';
      console.warn('navigator.share failed; copying the link instead', error);
    }
  }
  try {
    // Missing outside secure contexts; typed as always there.
    if (!('clipboard' in navigator)) return 'failed';
    await navigator.clipboard.writeText(data.url);
    return 'copied';
  } catch (error) {
    console.warn('Copying the link failed', error);
    return 'failed';
  }
}

/**
 * 「分享」: the system share sheet with the headline and the article's
 * address; without one, the address is copied and 「链接已复制」 announced;
 * if even that fails, the address appears in a selected text field to copy
 * by hand (focus moves there, so the reader is where the link is).
 */
export function ShareButton({ title, url }: ShareData) {
  const [manual, setManual] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!manual) return;
    field.current?.focus();
    field.current?.select();
  }, [manual]);

  const share = async () => {
    const result = await shareOrCopy({ title, url });
    if (result === 'copied') announce('链接已复制');
    if (result === 'failed') announce('无法自动复制，请手动复制下面的链接');
    setManual(result === 'failed');
  };

  return (
    <>
      <button type="button" class={TOOL_BUTTON} onClick={() => void share()}>
        <ToolIcon>
          <path d="M12 15V3m0 0L7.5 7.5M12 3l4.5 4.5M5 12v7.5A1.5 1.5 0 0 0 6.5 21h11a1.5 1.5 0 0 0 1.5-1.5V12" />
        </ToolIcon>
        分享
      </button>
      {manual && (
        <p class="share-manual">
          <label for="share-url">文章链接（请手动复制）</label>
          <input
            ref={field}
            id="share-url"
            class="share-manual__field"
            type="url"
            value={url}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
          />
        </p>
      )}
    </>
  );
}
