import { useState } from 'preact/hooks';
import { STORAGE_BLOCKED_MESSAGE, STORAGE_UNAVAILABLE_MESSAGE, storageStatus } from '../../data';
import { useObservable } from '../../lib/use-observable';
import './style.css';

const DISMISSED_KEY = 'qilu:storage-note-dismissed';

function wasDismissed(): boolean {
  try {
    return sessionStorage.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * Said once per visit when IndexedDB cannot be used: the app still works
 * online, but nothing will be there offline, and the reader should know that
 * before relying on it. 「知道了」 puts it away for the rest of the visit
 * (the settings page keeps saying it).
 */
export function StorageNote() {
  const status = useObservable(storageStatus);
  const [dismissed, setDismissed] = useState(wasDismissed);
  // While an old tab blocks the upgrade, the reader can fix it: ask, in a status the
  // screen reader speaks, and without a button (closing the other tab ends it).
  if (status === 'blocked') {
    return (
      <div class="storage-note" role="status">
        <p>{STORAGE_BLOCKED_MESSAGE}</p>
      </div>
    );
  }
  if (status !== 'unavailable' || dismissed) return null;

  const dismiss = () => {
    try {
      sessionStorage.setItem(DISMISSED_KEY, '1');
    } catch {
      // Hidden for now; it may come back on the next page load.
    }
    setDismissed(true);
    // The button is about to vanish: continue where reading happens.
    document.getElementById('main')?.focus();
  };

  return (
    <div class="storage-note">
      <p>{STORAGE_UNAVAILABLE_MESSAGE}</p>
      <button type="button" class="button button--secondary" onClick={dismiss}>
        知道了
      </button>
    </div>
  );
}
