import { useEffect, useRef, useState } from 'preact/hooks';
import type { Channel } from '../../../shared/feed/types';
import type { DownloadState } from '../../data/download';
import { cancelDownload, download, startDownload } from '../../data/download';
import { announce } from '../../lib/announce';
import { useObservable } from '../../lib/use-observable';
import './style.css';

function sameChannels(state: DownloadState | undefined, channels: readonly Channel[]): boolean {
  return (
    state !== undefined &&
    state.channelIds.length === channels.length &&
    channels.every((channel, index) => state.channelIds[index] === channel.id)
  );
}

/** Bytes for a reader: 「860 KB」, 「1.3 MB」. */
function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** 「已下载 12 篇文章，1.3 MB」: what a reader cares about, not steps. */
function progressText(state: DownloadState): string {
  return `已下载 ${state.articles ?? 0} 篇文章，${sizeText(state.bytes ?? 0)}`;
}

function outcomeText(state: DownloadState): string | undefined {
  switch (state.status) {
    case 'interrupted':
      return `${progressText(state)}。${state.message ?? ''}`;
    case 'finished':
      return `下载完成：${state.articles ?? 0} 篇文章${state.message ? `。${state.message}` : ''}`;
    case 'cancelled':
      return '已取消下载';
    case 'failed':
      return `下载没有完成：${state.message ?? '请稍后重试。'}`;
    case 'running':
      return undefined;
  }
}

/**
 * 下载离线 for some channels: the button, then a progress bar (「下载进度」,
 * 「已下载 X / Y」) with 「取消下载」, then how it ended. Focus follows the
 * reader's next likely action (the cancel button while it runs, the download
 * button again when it ends) so it is never dropped on <body>.
 */
export function DownloadControl({
  channels,
  label,
  text,
}: {
  channels: readonly Channel[];
  /** Accessible name of the button, e.g. 「下载离线：济南」. */
  label: string;
  /** Its visible text (part of the name), e.g. 「下载离线」. */
  text: string;
}) {
  const current = useObservable(download);
  const state = sameChannels(current, channels) ? current : undefined;
  const running = state?.status === 'running';
  const [note, setNote] = useState<string | undefined>(undefined);
  const [starting, setStarting] = useState(false);
  const startButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  // Read while rendering, i.e. before the DOM changes: was focus on one of our buttons?
  const focusInside = useRef(false);
  focusInside.current =
    !import.meta.env.SSR && (root.current?.contains(document.activeElement) ?? false);

  // The focused button is replaced as the download starts or ends: move focus along.
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current === running) return;
    wasRunning.current = running;
    if (focusInside.current) (running ? cancelButton : startButton).current?.focus();
  }, [running]);

  const start = async () => {
    if (starting) return;
    setStarting(true);
    setNote(undefined);
    const result = await startDownload(channels);
    setStarting(false);
    if (!result.started) {
      setNote(result.message);
      announce(result.message);
    }
  };

  const ended = state ? outcomeText(state) : undefined;

  return (
    <div class="download" ref={root}>
      {running && state ? (
        <div class="download__progress">
          {state.resumed && <p class="download__note">已从中断处继续下载</p>}
          <progress
            aria-label="下载进度"
            aria-valuetext={`${progressText(state)}（第 ${state.done} / ${state.total} 步）`}
            max={Math.max(state.total, 1)}
            value={state.total > 0 ? state.done : undefined}
          />
          <p class="download__count">
            {progressText(state)}（第 {state.done} / {state.total} 步）
          </p>
          <button
            type="button"
            class="button button--secondary"
            ref={cancelButton}
            onClick={cancelDownload}
          >
            取消下载
          </button>
        </div>
      ) : (
        <button
          type="button"
          class="button button--secondary download__start"
          ref={startButton}
          aria-label={label}
          aria-disabled={starting}
          onClick={() => void start()}
        >
          {text}
        </button>
      )}
      {!running && ended && <p class="download__note">{ended}</p>}
      {state?.status === 'interrupted' && (
        // A paused download resumes by itself; this is the way to say "no, forget it".
        <button type="button" class="button button--secondary" onClick={cancelDownload}>
          取消下载
        </button>
      )}
      {note && <p class="download__note">{note}</p>}
    </div>
  );
}
