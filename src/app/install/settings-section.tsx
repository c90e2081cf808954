import { useRef, useState } from 'preact/hooks';
import { useObservable } from '../lib/use-observable';
import { installPrompt, installedThisVisit, isRunningInstalled } from './capture';
import type { InstallOutcome } from './flow';
import { isThisIosSafari, promptInstall } from './flow';
import { InstallHowTo } from './howto';

/** What the reader is told after answering the browser's install dialog. */
const OUTCOME_MESSAGES: Record<InstallOutcome, string> = {
  accepted: '正在安装。完成后，可以从主屏幕上的“齐鲁轻读”图标直接打开。',
  dismissed: '已取消安装。以后可以随时回到这里安装。',
  unavailable: '这次没能打开安装窗口，请稍后再试，或使用浏览器菜单中的“安装应用”。',
};

interface ChoiceProps {
  /** The answer to this visit's install dialog, once there was one. */
  readonly outcome: InstallOutcome | undefined;
  readonly onInstall: () => void;
}

/** The part of the section that depends on what this browser can do. */
function InstallChoice({ outcome, onInstall }: ChoiceProps) {
  const prompt = useObservable(installPrompt);
  const installed = useObservable(installedThisVisit);
  const [ios] = useState(isThisIosSafari);

  if (installed || isRunningInstalled()) {
    return <p>齐鲁轻读已经安装在这台设备上，可以从主屏幕直接打开。</p>;
  }
  if (prompt) {
    return (
      <>
        <p class="settings-hint">
          安装后，齐鲁轻读会出现在主屏幕和应用列表中，像应用一样在单独的窗口中打开，离线时也能阅读已下载的文章。
        </p>
        <button type="button" class="button" onClick={onInstall}>
          安装到主屏幕
        </button>
      </>
    );
  }
  // The offer was used up on this visit: the status line says how it went.
  if (outcome) return null;
  if (ios) {
    return (
      <>
        <p class="settings-hint">在 iPhone 或 iPad 上，用 Safari 把齐鲁轻读添加到主屏幕：</p>
        <InstallHowTo />
      </>
    );
  }
  return (
    <p class="settings-hint">
      这个浏览器现在没有提供安装。可以在浏览器菜单中查找“安装应用”或“添加到主屏幕”；在 iPhone 和
      iPad 上，请用 Safari 打开本站，再点按“分享”按钮中的“添加到主屏幕”。
    </p>
  );
}

/**
 * 设置 → 安装到主屏幕: the button that opens the browser's install dialog where
 * the browser offers one (the banner's offer, without waiting for engagement,
 * and in 长辈版 too: here the reader asked), the how-to on iOS Safari, or
 * plainly what to look for elsewhere. The outcome is said in a status region
 * that stays in the page, so it is announced and can be read again.
 */
export function InstallSection() {
  const [outcome, setOutcome] = useState<InstallOutcome | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  const install = () => {
    void promptInstall().then((result) => {
      setOutcome(result);
      // The button is gone with the spent offer: keep focus in this section.
      heading.current?.focus();
    });
  };
  return (
    <section id="install" class="settings-section" aria-labelledby="settings-install">
      <h2 id="settings-install" class="section-heading" tabindex={-1} ref={heading}>
        安装到主屏幕
      </h2>
      <InstallChoice outcome={outcome} onInstall={install} />
      <p role="status" class="settings-hint">
        {outcome ? OUTCOME_MESSAGES[outcome] : ''}
      </p>
    </section>
  );
}
