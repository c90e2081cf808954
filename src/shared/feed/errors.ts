/**
 * Why a feed document could not be used. Each code has a Chinese sentence for
 * readers (what happened, in their words) and the error's `message` carries the
 * precise, developer-facing detail (URL, field path, limit).
 */
export type FeedErrorCode =
  | 'network' // fetch rejected: offline, DNS, CORS
  | 'timeout' // no response within the time limit
  | 'http' // non-2xx status
  | 'too-large' // document over the size limit
  | 'json' // not parseable JSON (e.g. truncated)
  | 'schema'; // parsed, but not a valid channels.json / JSON Feed 1.1 document

const USER_MESSAGES: Record<FeedErrorCode, string> = {
  network: '网络连接失败，请检查网络后重试。',
  timeout: '服务器响应超时，请稍后重试。',
  http: '服务器暂时无法提供这部分内容，请稍后重试。',
  'too-large': '收到的内容过大，已停止读取。',
  json: '收到的内容不完整或已损坏，请稍后重试。',
  schema: '收到的内容格式有误，无法显示。',
};

/** An error fetching, parsing or validating a feed document. */
export class FeedError extends Error {
  override readonly name = 'FeedError';

  constructor(
    readonly code: FeedErrorCode,
    /** Developer-facing detail: the URL and what exactly was wrong. */
    detail: string,
    /** HTTP status, for `http` errors. */
    readonly status?: number,
  ) {
    super(detail);
  }

  /** What to tell the reader, in Chinese. */
  get userMessage(): string {
    return USER_MESSAGES[this.code];
  }
}
