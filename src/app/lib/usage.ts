/**
 * Turning storage numbers into what the reader sees in 设置 → 离线与存储:
 * 「济南：12 篇，约 80 KB」 and bars scaled to the largest channel.
 */

/** Stored content of one channel, as the store counts it. */
export interface ChannelUsage {
  readonly channelId: string;
  readonly articles: number;
  readonly bytes: number;
}

/** One row of the usage chart and its text list. */
export interface UsageRow extends ChannelUsage {
  readonly title: string;
  /** 0..1, this channel's bytes relative to the largest channel (for the bar). */
  readonly share: number;
  /** The text equivalent of the bar, e.g. 「济南：12 篇，约 80 KB」. */
  readonly text: string;
}

const KB = 1024;
const MB = KB * 1024;
const GB = MB * 1024;

function trimmed(value: number): string {
  // One decimal below 10 ("1.5 MB"), whole numbers above ("120 MB").
  return value < 10 ? String(Math.round(value * 10) / 10) : String(Math.round(value));
}

/** An approximate size for people: "80 KB", "1.5 MB", "2.1 GB" (never "0 KB" for something stored). */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return '0 KB';
  if (bytes < MB) return `${Math.max(1, Math.round(bytes / KB))} KB`;
  if (bytes < GB) return `${trimmed(bytes / MB)} MB`;
  return `${trimmed(bytes / GB)} GB`;
}

/** 「济南：12 篇，约 80 KB」 */
export function usageText(title: string, articles: number, bytes: number): string {
  return `${title}：${articles} 篇，约 ${formatSize(bytes)}`;
}

/**
 * The rows to show: channels with stored articles, in the directory's order
 * (`titles` is that order), channels the directory no longer lists last under
 * their id, so nothing stored is ever invisible and unclearable.
 */
export function usageRows(
  usage: readonly ChannelUsage[],
  titles: ReadonlyMap<string, string>,
): UsageRow[] {
  const order = [...titles.keys()];
  const rank = (id: string) => {
    const index = order.indexOf(id);
    return index === -1 ? order.length : index;
  };
  const stored = usage.filter((entry) => entry.articles > 0);
  const largest = Math.max(0, ...stored.map((entry) => entry.bytes));
  return stored
    .slice()
    .sort((a, b) => rank(a.channelId) - rank(b.channelId) || a.channelId.localeCompare(b.channelId))
    .map((entry) => {
      const title = titles.get(entry.channelId) ?? entry.channelId;
      return {
        ...entry,
        title,
        share: largest > 0 ? entry.bytes / largest : 0,
        text: usageText(title, entry.articles, entry.bytes),
      };
    });
}

/** 「已使用约 3.2 MB（可用约 1.5 GB）」 from navigator.storage.estimate(), or undefined when unknown. */
export function estimateText(
  estimate: { usage?: number; quota?: number } | undefined,
): string | undefined {
  if (estimate?.usage === undefined) return undefined;
  const used = `本应用在这台设备上共占用约 ${formatSize(estimate.usage)}`;
  return estimate.quota === undefined
    ? `${used}。`
    : `${used}，浏览器允许最多约 ${formatSize(estimate.quota)}。`;
}
