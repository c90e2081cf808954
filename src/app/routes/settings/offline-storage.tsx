import { useEffect, useRef, useState } from 'preact/hooks';
import { DownloadControl } from '../../components/download-control';
import { ErrorNotice, Loading } from '../../components/status';
import {
  STORAGE_UNAVAILABLE_MESSAGE,
  getDirectory,
  peekDirectory,
  storageStatus,
} from '../../data';
import { download } from '../../data/download';
import type { StorageReport } from '../../data/storage';
import { clearAllContent, clearChannelContent, getStorageReport } from '../../data/storage';
import { announce } from '../../lib/announce';
import { DEPTH_CHOICES, offlinePrefs, updatePrefs } from '../../lib/prefs';
import { useObservable } from '../../lib/use-observable';
import { useAsync } from '../../lib/use-async';
import { ChoiceGroup } from './choice-group';
import type { UsageRow } from '../../lib/usage';
import type { Choice } from '../../lib/reading-prefs/choices';
import { estimateText, usageRows } from '../../lib/usage';

/** 下载页数: how many pages of each channel 下载离线 stores. */
const DEPTH_OPTIONS: readonly Choice<number>[] = DEPTH_CHOICES.map((depth) => ({
  value: depth,
  label: `${depth} 页（约 ${depth * 20} 篇）`,
}));

/** Where focus goes once the row it was in is gone. */
type FocusTarget =
  | { readonly kind: 'clear'; readonly channelId: string }
  | { readonly kind: 'heading' }
  | { readonly kind: 'clear-all' };

function Preferences() {
  const prefs = useObservable(offlinePrefs);
  return (
    <div class="offline-prefs">
      <label class="check">
        <input
          type="checkbox"
          checked={prefs.wifiOnly}
          onChange={(event) => updatePrefs({ wifiOnly: event.currentTarget.checked })}
        />
        <span>仅在 Wi-Fi 下载</span>
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={prefs.noImages}
          onChange={(event) => updatePrefs({ noImages: event.currentTarget.checked })}
        />
        <span>省流量（不显示图片）</span>
      </label>
      <p class="settings-hint">
        省流量时，所有页面都不加载图片，只显示图片的文字说明；下载离线内容时也不下载图片。
      </p>
      {/* Chips, not a <select>: at 200 % text on a phone a select is as wide as its longest
          choice and cut off; the chips wrap, and each is a large target. */}
      <ChoiceGroup
        id="download-depth"
        legend="下载页数"
        choices={DEPTH_OPTIONS}
        value={prefs.depth}
        onChange={(depth) => updatePrefs({ depth })}
      />
    </div>
  );
}

function UsageList({
  rows,
  onClear,
  busy,
}: {
  rows: readonly UsageRow[];
  onClear: (row: UsageRow) => void;
  busy: boolean;
}) {
  return (
    <ul class="usage-list">
      {rows.map((row) => (
        <li key={row.channelId} class="usage-row">
          <span class="usage-row__text">{row.text}</span>
          {/* The bar repeats the text above for the eye; screen readers get the text only. */}
          <span class="usage-bar" aria-hidden="true">
            <span
              class="usage-bar__fill"
              style={{ inlineSize: `${Math.max(2, row.share * 100)}%` }}
            />
          </span>
          <button
            type="button"
            class="button button--secondary usage-row__clear"
            data-clear={row.channelId}
            aria-label={`清除${row.title}的离线内容`}
            aria-disabled={busy}
            onClick={() => onClear(row)}
          >
            清除
          </button>
        </li>
      ))}
    </ul>
  );
}

type ReportState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: StorageReport }
  | { readonly status: 'error'; readonly error: unknown; readonly retry: () => void };

/**
 * The storage report, read again whenever `deps` change. Unlike useAsync, the
 * previous report stays on screen while the next one is read, so the list
 * (and a focused button in it) never flickers away after clearing.
 */
function useReport(...deps: readonly unknown[]): ReportState {
  const [state, setState] = useState<ReportState>({ status: 'loading' });
  const [retries, setRetries] = useState(0);
  useEffect(() => {
    let current = true;
    getStorageReport().then(
      (value) => current && setState({ status: 'ready', value }),
      (error: unknown) =>
        current && setState({ status: 'error', error, retry: () => setRetries((n) => n + 1) }),
    );
    return () => {
      current = false;
    };
  }, [...deps, retries]);
  return state;
}

/**
 * 设置 → 离线与存储: download preferences, 全部城市下载离线, what is stored
 * per channel (bars with their text), clearing one channel or everything
 * (confirmed inline, never in a modal), and the browser's storage estimate.
 */
export function OfflineStorage() {
  const status = useObservable(storageStatus);
  const finished = useObservable(download)?.status;
  const [attempt, setAttempt] = useState(0);
  const report = useReport(attempt, finished);
  const directory = useAsync((signal) => getDirectory({ signal }), [], peekDirectory);
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const focusNext = useRef<FocusTarget | undefined>(undefined);
  const root = useRef<HTMLElement>(null);

  useEffect(() => {
    const target = focusNext.current;
    if (!target || report.status !== 'ready') return;
    focusNext.current = undefined;
    const find = (selector: string) => root.current?.querySelector<HTMLElement>(selector);
    if (target.kind === 'clear')
      (find(`[data-clear="${target.channelId}"]`) ?? find('#usage-heading'))?.focus();
    else if (target.kind === 'clear-all') find('.clear-all')?.focus();
    else find('#usage-heading')?.focus();
  });

  useEffect(() => {
    if (confirming) root.current?.querySelector<HTMLElement>('.confirm')?.focus();
  }, [confirming]);

  const titles = new Map<string, string>(
    directory.status === 'ready'
      ? directory.value.channels.map((channel) => [channel.id, channel.title])
      : [],
  );
  const rows = report.status === 'ready' ? usageRows(report.value.channels, titles) : [];
  const cities =
    directory.status === 'ready'
      ? directory.value.channels.filter((channel) => channel.kind === 'city')
      : [];
  const unavailable =
    status === 'unavailable' || (report.status === 'ready' && !report.value.available);

  const say = (text: string) => {
    setMessage(text);
    announce(text);
  };

  const clearOne = async (row: UsageRow) => {
    if (busy) return;
    setBusy(true);
    const index = rows.indexOf(row);
    const neighbour = rows[index + 1] ?? rows[index - 1];
    try {
      await clearChannelContent(row.channelId);
      focusNext.current = neighbour
        ? { kind: 'clear', channelId: neighbour.channelId }
        : { kind: 'heading' };
      say(`已清除${row.title}的离线内容。`);
    } catch (error) {
      console.warn('Clearing a channel failed', error);
      say(`没能清除${row.title}的离线内容，请稍后重试。`);
    } finally {
      setBusy(false);
      setAttempt((n) => n + 1);
    }
  };

  const clearEverything = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await clearAllContent();
      say('已清除全部离线内容，收藏的文章已保留。');
    } catch (error) {
      console.warn('Clearing all failed', error);
      say('没能清除离线内容，请稍后重试。');
    } finally {
      focusNext.current = { kind: 'clear-all' };
      setConfirming(false);
      setBusy(false);
      setAttempt((n) => n + 1);
    }
  };

  const cancelConfirm = () => {
    focusNext.current = { kind: 'clear-all' };
    setConfirming(false);
  };

  const total = report.status === 'ready' ? estimateText(report.value.estimate) : undefined;

  return (
    <section class="settings-section offline-storage" aria-labelledby="settings-storage" ref={root}>
      <h2 id="settings-storage" class="section-heading">
        离线与存储
      </h2>
      {unavailable && <p class="storage-unavailable">{STORAGE_UNAVAILABLE_MESSAGE}</p>}

      <Preferences />

      {cities.length > 0 && !unavailable && (
        <DownloadControl channels={cities} label="全部城市下载离线" text="全部城市下载离线" />
      )}

      <h3 id="usage-heading" class="usage-heading" tabindex={-1}>
        已下载的内容
      </h3>
      {total && <p>{total}</p>}
      {report.status === 'loading' && <Loading label="正在统计…" />}
      {report.status === 'error' && <ErrorNotice error={report.error} onRetry={report.retry} />}
      {report.status === 'ready' && rows.length === 0 && !unavailable && (
        <p>还没有下载任何内容。打开频道或文章后，它们会自动保存在这台设备上，离线时也能阅读。</p>
      )}
      {rows.length > 0 && (
        <UsageList rows={rows} onClear={(row) => void clearOne(row)} busy={busy} />
      )}

      {!unavailable &&
        (confirming ? (
          <div class="confirm" role="group" aria-labelledby="confirm-clear-all" tabindex={-1}>
            <p id="confirm-clear-all">确定要清除全部离线内容吗？收藏的文章会保留。</p>
            <p class="actions">
              <button type="button" class="button" onClick={() => void clearEverything()}>
                确认清除
              </button>
              <button type="button" class="button button--secondary" onClick={cancelConfirm}>
                取消
              </button>
            </p>
          </div>
        ) : (
          <p class="actions">
            <button
              type="button"
              class="button button--secondary clear-all"
              onClick={() => setConfirming(true)}
            >
              清除全部离线内容
            </button>
          </p>
        ))}
      <p class="storage-message">{message}</p>
    </section>
  );
}
