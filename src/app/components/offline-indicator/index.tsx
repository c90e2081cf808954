import { offline } from '../../data';
import { useObservable } from '../../lib/use-observable';
import './style.css';

/**
 * 「离线」 in the header while there is no connection (or the last sync could
 * not reach the server). A status, not an alert: it is said once, politely,
 * and the region stays in the DOM (empty when online) so each change is heard.
 */
export function OfflineIndicator() {
  const isOffline = useObservable(offline);
  return (
    <p role="status" class={isOffline ? 'offline-indicator is-offline' : 'offline-indicator'}>
      {isOffline ? '离线' : ''}
    </p>
  );
}
