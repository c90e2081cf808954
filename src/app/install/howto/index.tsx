import type { ComponentChildren } from 'preact';
import './style.css';

/**
 * 「添加到主屏幕」 on iPhone and iPad: iOS Safari has no install prompt a page
 * can open, so the app shows the three taps instead. Each picture is drawn
 * inline (currentColor, so themes and forced colours apply) and has a text
 * equivalent; the step's own sentence says everything the picture shows.
 */

interface PictureProps {
  readonly label: string;
  readonly children: ComponentChildren;
}

function Picture({ label, children }: PictureProps) {
  return (
    <svg
      class="install-howto__picture"
      viewBox="0 0 48 48"
      width="48"
      height="48"
      role="img"
      aria-label={label}
      focusable="false"
      fill="none"
      stroke="currentColor"
      stroke-width="2.5"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {children}
    </svg>
  );
}

/** Safari's share button: a tray with an arrow leaving it upwards. */
function ShareButtonPicture() {
  return (
    <Picture label="图示：Safari 的分享按钮，一个方框，中间有向上的箭头">
      <path d="M17 20h-4v20h22V20h-4" />
      <path d="M24 30V7M17 14l7-7 7 7" />
    </Picture>
  );
}

/** The share sheet's row: a plus in a rounded square, then the words. */
function AddRowPicture() {
  return (
    <Picture label="图示：分享菜单中的一行，左边是带加号的方框，右边是“添加到主屏幕”">
      <rect x="4" y="14" width="20" height="20" rx="5" />
      <path d="M14 19v10M9 24h10" />
      <path d="M29 21h15M29 27h11" />
    </Picture>
  );
}

/** A home screen whose first tile is the app's mountain over the sea. */
function HomeScreenPicture() {
  return (
    <Picture label="图示：主屏幕上出现了齐鲁轻读的图标">
      <rect x="10" y="3" width="28" height="42" rx="5" />
      <rect x="15" y="9" width="8" height="8" rx="2" fill="currentColor" />
      <rect x="25" y="9" width="8" height="8" rx="2" />
      <rect x="15" y="19" width="8" height="8" rx="2" />
      <rect x="25" y="19" width="8" height="8" rx="2" />
      <path d="M21 40h6" />
    </Picture>
  );
}

/** The three steps, as an ordered list. `id` lets a disclosure button point at it. */
export function InstallHowTo({ id }: { readonly id?: string }) {
  return (
    <ol id={id} class="install-howto">
      <li>
        <div class="install-howto__step">
          <ShareButtonPicture />
          <span>
            点按 Safari 工具栏中的<strong>“分享”</strong>按钮（方框中有向上的箭头，iPhone
            上在屏幕底部，iPad 上在右上角）。
          </span>
        </div>
      </li>
      <li>
        <div class="install-howto__step">
          <AddRowPicture />
          <span>
            在弹出的菜单中向下滑动，点按<strong>“添加到主屏幕”</strong>。
          </span>
        </div>
      </li>
      <li>
        <div class="install-howto__step">
          <HomeScreenPicture />
          <span>
            点按右上角的<strong>“添加”</strong>。之后从主屏幕上的“齐鲁轻读”图标打开即可。
          </span>
        </div>
      </li>
    </ol>
  );
}
