import { useState } from 'preact/hooks';
import { isNetworkFailure, refreshErrors, retryRefresh } from '../../data';
import { useObservable } from '../../lib/use-observable';
import { ErrorNotice } from '../status';

/**
 * Shown above a stored list whose refresh just failed: what went wrong (the
 * feed's error in the reader's words) and 「重试」, while the stored articles
 * stay readable below. Being offline is not repeated here: the header's 「离线」
 * already says it.
 */
export function RefreshError({ channelId, compact }: { channelId: string; compact?: boolean }) {
  const error = useObservable(refreshErrors).get(channelId);
  const [retrying, setRetrying] = useState(false);
  if (error === undefined || isNetworkFailure(error)) return null;
  const retry = () => {
    if (retrying) return;
    setRetrying(true);
    void retryRefresh(channelId).finally(() => setRetrying(false));
  };
  return <ErrorNotice error={error} onRetry={retry} compact={compact} />;
}
