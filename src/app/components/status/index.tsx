import './style.css';

/** The loading state: a polite status region, as the UI contract specifies. */
export function Loading({ label = '正在加载…' }: { label?: string }) {
  return (
    <p role="status" class="status status--loading">
      {label}
    </p>
  );
}

/**
 * The reader-facing sentence for any error. FeedError, StoreError and
 * NotDownloadedError carry their own (`userMessage`); checked structurally so
 * this shell component does not pull those modules into the entry chunk.
 */
export function userMessageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'userMessage' in error) {
    const { userMessage } = error as { userMessage: unknown };
    if (typeof userMessage === 'string' && userMessage) return userMessage;
  }
  return '出了点问题，暂时无法显示这部分内容，请稍后重试。';
}

function developerDetail(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * An error message block: what happened in Chinese, the developer detail
 * folded away under 技术细节, and a 重试 button.
 */
export function ErrorNotice({
  error,
  onRetry,
  compact = false,
}: {
  error: unknown;
  onRetry?: () => void;
  compact?: boolean;
}) {
  return (
    <div class={compact ? 'error-notice error-notice--compact' : 'error-notice'}>
      <p class="error-notice__message">{userMessageOf(error)}</p>
      {onRetry && (
        <button type="button" class="button" onClick={onRetry}>
          重试
        </button>
      )}
      <details class="error-notice__details">
        <summary>技术细节</summary>
        <p>{developerDetail(error)}</p>
      </details>
    </div>
  );
}

/** A whole route still loading (the page frame keeps the layout steady). */
export function LoadingPage({ label }: { label?: string }) {
  return (
    <div class="page">
      <Loading label={label} />
    </div>
  );
}

/**
 * A whole route that could not be shown: an h1 saying so (it takes focus after
 * navigation like any page's h1), then the error with 重试.
 */
export function ErrorPage({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: unknown;
  onRetry: () => void;
}) {
  return (
    <div class="page">
      <h1 class="page-title" tabindex={-1}>
        {title}
      </h1>
      <ErrorNotice error={error} onRetry={onRetry} />
    </div>
  );
}
