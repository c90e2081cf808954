import type { Channel } from '../../../shared/feed/types';
import { CityLinks } from '../city-links';
import { getDirectory, peekDirectory, storedChannels } from '../../data';
import { useAsync } from '../../lib/use-async';

/**
 * A channel that was never downloaded, opened offline: say so plainly and
 * offer what can be read instead (the channels stored on this device).
 */
export function ChannelNotDownloaded({ onRetry }: { onRetry: () => void }) {
  const stored = useAsync(async (signal): Promise<Channel[]> => {
    const directory = peekDirectory() ?? (await getDirectory({ signal }));
    return storedChannels(directory);
  }, []);
  const channels = stored.status === 'ready' ? stored.value : [];
  return (
    <div class="not-downloaded">
      <p>这个频道还没有下载，联网后即可阅读。</p>
      <p class="actions">
        <button type="button" class="button" onClick={onRetry}>
          重试
        </button>
        <a class="button button--secondary" href="/">
          首页
        </a>
      </p>
      {channels.length > 0 && (
        <section aria-labelledby="stored-channels">
          <h2 id="stored-channels" class="section-heading">
            可以离线阅读的频道
          </h2>
          <CityLinks cities={channels} />
        </section>
      )}
    </div>
  );
}

/** An article that was never downloaded, opened offline: say so, offer 首页 and 收藏. */
export function ArticleNotDownloaded() {
  return (
    <div class="not-downloaded">
      <p>这篇文章尚未下载，联网后即可阅读。</p>
      <p class="actions">
        <a class="button" href="/">
          首页
        </a>
        <a class="button button--secondary" href="/saved">
          收藏
        </a>
      </p>
    </div>
  );
}
