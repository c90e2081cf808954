import { isElderMode } from '../../lib/reading-prefs';
import { useObservable } from '../../lib/use-observable';
import {
  acceptUpdate,
  deferralVersion,
  dismissUpdate,
  isUpdateDeferred,
  updateStatus,
} from '../update-state';
import './style.css';

/** The buttons disappear once pressed: put focus somewhere sensible, not on <body>. */
function thenFocusMain(action: () => void): () => void {
  return () => {
    action();
    document.getElementById('main')?.focus();
  };
}

const onUpdate = thenFocusMain(acceptUpdate);
const onLater = thenFocusMain(dismissUpdate);

/**
 * 「有新版本」: a calm, non-modal offer to switch to the new version. The
 * role="status" container is always in the DOM (a live region created together
 * with its text is often not announced), empty until an update waits; it never
 * takes focus and never blocks the page. Hidden while read aloud defers it
 * (setUpdateDeferral), and never shown in 长辈版, which has no pop-ups of any
 * kind (适老化): there the new version simply starts once every tab is closed.
 */
export function UpdatePrompt() {
  const status = useObservable(updateStatus);
  // Subscribed only to re-render when the deferral's answer may have changed.
  useObservable(deferralVersion);
  const visible =
    (status === 'offered' || status === 'updating') && !isUpdateDeferred() && !isElderMode();
  return (
    <div role="status" class={visible ? 'update-prompt update-prompt--visible' : 'update-prompt'}>
      {visible && (
        <div class="update-prompt__inner">
          <p class="update-prompt__text">{status === 'updating' ? '正在更新…' : '有新版本'}</p>
          {status === 'offered' && (
            <div class="actions">
              <button type="button" class="button" onClick={onUpdate}>
                更新
              </button>
              <button type="button" class="button button--secondary" onClick={onLater}>
                稍后
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
