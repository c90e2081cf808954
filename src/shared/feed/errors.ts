/**
 * Why a feed document could not be used. Each code has a Chinese sentence for
 * readers (what happened, in their words) and the error's `message` carries the
 * precise, developer-facing detail (URL, field path, limit).
 */
export type FeedErrorCode =
  | 'network' // fetch rejected: offline, DNS, CORS, connection reset
  | 'timeout' // no response, or the body stalled, within the time limit
  | 'http' // non-2xx status
  | 'too-large' // document over the size limit
  | 'json' // not parseable JSON (e.g. truncated)
  | 'not-feed' // a web page (an error or login page) or another kind of file, not JSON
  | 'moved' // redirected to another origin, which the reader does not follow
  | 'schema'; // parsed, but not a valid channels.json / JSON Feed 1.1 document

const USER_MESSAGES: Record<FeedErrorCode, string> = {
  network: '网络连接失败，请检查网络后重试。',
  timeout: '服务器响应超时，请稍后重试。',
  http: '服务器暂时无法提供这部分内容，请稍后重试。',
  'too-large': '收到的内容过大，已停止读取。',
  json: '收到的内容不完整或已损坏，请稍后重试。',
  'not-feed': '服务器返回的不是新闻内容（可能是维护或错误页面），请稍后重试。',
  moved: '内容被转到了其他网站，为安全起见没有读取。',
  schema: '收到的内容格式有误，无法显示。',
};

/** HTTP statuses with a sentence of their own: what the reader can do differs. */
const HTTP_MESSAGES: Readonly<Record<number, string>> = {
  404: '没有找到这部分内容，它可能已被移除。',
  410: '没有找到这部分内容，它可能已被移除。',
  429: '服务器正忙，请稍后再试。',
  503: '服务器正在维护或繁忙，请稍后再试。',
};

/** Every code, for checks of values that crossed postMessage. */
export const FEED_ERROR_CODES: readonly FeedErrorCode[] = Object.keys(
  USER_MESSAGES,
) as FeedErrorCode[];

/** The reader's sentence for `code` (and, for `http`, the status when known). */
export function feedErrorUserMessage(code: FeedErrorCode, status?: number): string {
  if (code === 'http' && status !== undefined) {
    const specific = HTTP_MESSAGES[status];
    if (specific !== undefined) return specific;
    if (status >= 500) return '服务器暂时出错，请稍后重试。';
  }
  return USER_MESSAGES[code];
}

/** An error fetching, parsing or validating a feed document. */
export class FeedError extends Error {
  override readonly name = 'FeedError';

  /** The server's Retry-After in ms (429, 503), when it sent one. */
  readonly retryAfterMs?: number;
  /** For `json` errors: the text stopped mid-document (a cut-off download, worth a retry). */
  readonly truncated: boolean;

  constructor(
    readonly code: FeedErrorCode,
    /** Developer-facing detail: the URL and what exactly was wrong. */
    detail: string,
    /** HTTP status, for `http` errors. */
    readonly status?: number,
    extra: { readonly retryAfterMs?: number; readonly truncated?: boolean } = {},
  ) {
    super(detail);
    if (extra.retryAfterMs !== undefined) this.retryAfterMs = extra.retryAfterMs;
    this.truncated = extra.truncated ?? false;
  }

  /** What to tell the reader, in Chinese. */
  get userMessage(): string {
    return feedErrorUserMessage(this.code, this.status);
  }
}
