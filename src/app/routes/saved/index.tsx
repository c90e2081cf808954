import { useState } from 'preact/hooks';
import { ArticleLink } from '../../components/article-link';
import { ErrorNotice, Loading } from '../../components/status';
import { STORAGE_UNAVAILABLE_MESSAGE } from '../../data';
import type { UserArticleEntry } from '../../data/saved';
import {
  clearReadingHistory,
  readingHistory,
  savedArticles,
  setEntriesSaved,
} from '../../data/saved';
import { announce } from '../../lib/announce';
import { usePage } from '../../lib/page';
import { useAsync } from '../../lib/use-async';
import './style.css';

/** Entries of 最近阅读 shown at most. */
const HISTORY_LIMIT = 50;

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * When the reader saved or read something: a moment on this device, so it is
 * shown in the device's own time (unlike publication times, see lib/date.ts).
 */
function When({ at, label }: { at: number; label: string }) {
  const date = new Date(at);
  const text = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return (
    <p class="user-item__meta">
      {label}
      <time dateTime={date.toISOString()}>{text}</time>
    </p>
  );
}

/** The heading of a section, focusable so focus has somewhere to go when its controls disappear. */
function focusHeading(id: string): void {
  document.getElementById(id)?.focus();
}

function SavedItem({
  entry,
  selected,
  onSelect,
}: {
  entry: UserArticleEntry;
  selected: boolean;
  onSelect: (selected: boolean) => void;
}) {
  const { user, stored } = entry;
  // Saved articles are never evicted; only 「清除全部」 in settings can take one away.
  const title = stored?.article.title ?? '这篇文章的内容已不在本机';
  return (
    <li class="user-item user-item--saved">
      {/* The label only widens the target; the name is on the box, so it is heard once. */}
      <label class="user-item__pick">
        <input
          type="checkbox"
          aria-label={`选择：${title}`}
          checked={selected}
          onChange={(event) => onSelect(event.currentTarget.checked)}
        />
      </label>
      <div>
        <p class="user-item__title">
          <ArticleLink id={user.id} showRead={false}>
            {title}
          </ArticleLink>
        </p>
        {user.savedAt !== undefined && <When at={user.savedAt} label="收藏于 " />}
      </div>
    </li>
  );
}

function SavedSection() {
  const [version, setVersion] = useState(0);
  const saved = useAsync(() => savedArticles(), [version]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [removed, setRemoved] = useState<readonly UserArticleEntry[]>([]);
  const [failure, setFailure] = useState<unknown>(undefined);

  const reload = () => setVersion((n) => n + 1);

  if (saved.status === 'loading') return <Loading />;
  if (saved.status === 'error') return <ErrorNotice error={saved.error} onRetry={saved.retry} />;
  if (saved.value === undefined) return <p>{STORAGE_UNAVAILABLE_MESSAGE}</p>;

  const entries = saved.value;
  const chosen = entries.filter((entry) => selected.has(entry.user.id));
  const allChosen = entries.length > 0 && chosen.length === entries.length;

  const select = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };

  const remove = async () => {
    if (chosen.length === 0) {
      announce('请先勾选要移除的文章。');
      return;
    }
    try {
      await setEntriesSaved(chosen, false);
    } catch (error) {
      setFailure(error);
      return;
    }
    setFailure(undefined);
    setRemoved(chosen);
    setSelected(new Set());
    reload();
    announce(`已移除 ${chosen.length} 篇收藏，可以撤销。`);
    // The list may be gone with its last entry, and the button with it.
    if (chosen.length === entries.length) focusHeading('saved-heading');
  };

  const undo = async () => {
    try {
      await setEntriesSaved(removed, true);
    } catch (error) {
      setFailure(error);
      return;
    }
    announce(`已恢复 ${removed.length} 篇收藏。`);
    setRemoved([]);
    reload();
    focusHeading('saved-heading');
  };

  return (
    <>
      {failure !== undefined && <ErrorNotice error={failure} compact />}
      {removed.length > 0 && (
        <p class="undo-note">
          已移除 {removed.length} 篇收藏。
          <button type="button" class="button button--secondary" onClick={() => void undo()}>
            撤销
          </button>
        </p>
      )}
      {entries.length === 0 ? (
        <>
          <p class="empty">
            还没有收藏的文章。在文章页或频道列表中按「收藏」，文章和其中的图片会保存在这台设备上，没有网络时也能阅读。
          </p>
          <p class="actions">
            <a class="button" href="/">
              首页
            </a>
          </p>
        </>
      ) : (
        <>
          <p class="lead">共 {entries.length} 篇，已保存在这台设备上，没有网络时也能阅读。</p>
          <p class="actions saved-tools">
            <button
              type="button"
              class="button button--secondary"
              onClick={() =>
                setSelected(allChosen ? new Set() : new Set(entries.map((entry) => entry.user.id)))
              }
            >
              {allChosen ? '取消全选' : '全选'}
            </button>
            <button type="button" class="button" onClick={() => void remove()}>
              移除所选{chosen.length > 0 && `（${chosen.length}）`}
            </button>
          </p>
          <ul class="user-list">
            {entries.map((entry) => (
              <SavedItem
                key={entry.user.id}
                entry={entry}
                selected={selected.has(entry.user.id)}
                onSelect={(on) => select(entry.user.id, on)}
              />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function HistorySection() {
  const [version, setVersion] = useState(0);
  const history = useAsync(() => readingHistory(HISTORY_LIMIT), [version]);
  const [failure, setFailure] = useState<unknown>(undefined);

  if (history.status === 'loading') return <Loading />;
  if (history.status === 'error') {
    return <ErrorNotice error={history.error} onRetry={history.retry} />;
  }
  if (history.value === undefined) return null;
  // An article read long ago may have been evicted since: with no title there is nothing to show.
  const entries = history.value.filter((entry) => entry.stored !== undefined);

  const clear = async () => {
    try {
      const count = await clearReadingHistory();
      setFailure(undefined);
      announce(`已清除 ${count} 条阅读记录。`);
    } catch (error) {
      setFailure(error);
      return;
    }
    setVersion((n) => n + 1);
    focusHeading('history-heading');
  };

  return (
    <>
      {failure !== undefined && <ErrorNotice error={failure} compact />}
      {entries.length === 0 ? (
        <p class="empty">还没有阅读记录。打开过的文章会按时间列在这里。</p>
      ) : (
        <>
          <ul class="user-list">
            {entries.map(({ user, stored }) => (
              <li key={user.id} class="user-item">
                <div>
                  <p class="user-item__title">
                    <ArticleLink id={user.id} showRead={false}>
                      {stored?.article.title}
                    </ArticleLink>
                  </p>
                  {user.lastReadAt !== undefined && <When at={user.lastReadAt} label="阅读于 " />}
                </div>
              </li>
            ))}
          </ul>
          <p class="actions">
            <button type="button" class="button button--secondary" onClick={() => void clear()}>
              清除阅读记录
            </button>
          </p>
        </>
      )}
    </>
  );
}

/** `/saved`: 收藏与离线 — saved articles (kept offline, never evicted) and 最近阅读. */
export default function Saved() {
  usePage('收藏与离线');
  return (
    <div class="page saved-page">
      <h1 class="page-title" tabindex={-1}>
        收藏与离线
      </h1>
      <section aria-labelledby="saved-heading">
        <h2 id="saved-heading" class="section-heading" tabindex={-1}>
          收藏的文章
        </h2>
        <SavedSection />
      </section>
      <section aria-labelledby="history-heading" class="saved-page__history">
        <h2 id="history-heading" class="section-heading" tabindex={-1}>
          最近阅读
        </h2>
        <HistorySection />
      </section>
      <p class="saved-page__more">
        想提前下载整个频道，可以在频道页或<a href="/settings">设置</a>中选择“下载离线”。
      </p>
    </div>
  );
}
