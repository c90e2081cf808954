import { evictionMessage, evictionNotice } from '../../data';
import { useObservable } from '../../lib/use-observable';
import '../storage-note/style.css';

/**
 * Said after the browser cleared the site's storage (src/app/data/evicted.ts):
 * what happened and that the reader's choices are being downloaded again, then
 * that it is done (or could not be, and will be tried again). A status, so a screen reader speaks each change; 「知道了」
 * puts it away once it is done (it is never shown again for this eviction).
 */
export function EvictionNote() {
  const notice = useObservable(evictionNotice);
  if (!notice) return null;
  const dismiss = () => {
    evictionNotice.set(undefined);
    // The button is about to vanish: continue where reading happens.
    document.getElementById('main')?.focus();
  };
  return (
    <div class="storage-note" role="status">
      <p>{evictionMessage(notice)}</p>
      {(notice.state === 'done' || notice.state === 'failed') && (
        <button type="button" class="button button--secondary" onClick={dismiss}>
          知道了
        </button>
      )}
    </div>
  );
}
