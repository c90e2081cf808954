/**
 * Why a source could not be ingested. `code` is stable (tests and the summary group by it),
 * `message` is precise English for developers and logs, and {@link IngestError.chinese} is
 * what the command prints for the newsroom editor who runs it.
 */
export type IngestErrorCode =
  | 'unreachable'
  | 'http-status'
  | 'timeout'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'too-large'
  | 'empty'
  | 'binary'
  | 'charset'
  | 'malformed-xml'
  | 'entity-expansion'
  | 'not-a-feed'
  | 'no-article'
  | 'unsupported'
  | 'bad-source-list'
  | 'invalid-content';

/** Chinese for each code, shown before the English detail. */
const CHINESE: Record<IngestErrorCode, string> = {
  unreachable: '无法连接到来源地址',
  'http-status': '服务器返回错误状态',
  timeout: '来源响应超时',
  'redirect-loop': '来源地址陷入重定向循环',
  'too-many-redirects': '来源地址重定向次数过多',
  'too-large': '文件过大，已拒绝',
  empty: '文件为空',
  binary: '不是文本文件',
  charset: '无法识别或解码文字编码',
  'malformed-xml': 'XML 格式错误',
  'entity-expansion': 'XML 含有实体扩展攻击，已拒绝',
  'not-a-feed': '不是可识别的订阅源、文章网页或文本稿',
  'no-article': '网页中没有找到文章正文',
  unsupported: '不支持的来源类型',
  'bad-source-list': '来源列表文件有误',
  'invalid-content': '内容不符合格式要求',
};

/** A source-level failure: the source is refused whole and nothing of it is stored. */
export class IngestError extends Error {
  override readonly name = 'IngestError';

  constructor(
    readonly code: IngestErrorCode,
    /** Precise English: what was wrong, with the value or limit involved. */
    detail: string,
    /** The source it happened to (path or URL), when known where the error is raised. */
    readonly source?: string,
  ) {
    super(source ? `${source}: ${detail}` : detail);
  }

  /** The editor-facing line: Chinese reason, then the English detail. */
  get chinese(): string {
    return `${CHINESE[this.code]}（${this.message}）`;
  }

  /** The same error, naming `source` (readers raise errors without knowing it). */
  withSource(source: string): IngestError {
    return this.source ? this : new IngestError(this.code, this.message, source);
  }
}
