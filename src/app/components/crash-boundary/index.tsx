import type { ComponentChildren } from 'preact';
import { Component } from 'preact';
import { usePage } from '../../lib/page';

function BrokenPage({ title, message }: { title: string; message: string }) {
  usePage(title);
  return (
    <div class="page">
      <h1 class="page-title" tabindex={-1}>
        {title}
      </h1>
      <p>{message}</p>
      <p class="actions">
        <button type="button" class="button" onClick={() => location.reload()}>
          重新加载
        </button>
        <a class="button button--secondary" href="/">
          首页
        </a>
      </p>
    </div>
  );
}

/**
 * Shown instead of a route whose code could not be downloaded (offline before
 * that page was ever opened, or a new deployment replaced the file).
 */
export function ChunkError() {
  return (
    <BrokenPage
      title="页面暂时无法打开"
      message="这个页面的程序文件没能下载，可能是网络中断了。请检查网络后重新加载。"
    />
  );
}

interface Props {
  /** The error is cleared when this changes (the shell passes the path). */
  resetKey: string;
  children: ComponentChildren;
}

interface State {
  error?: unknown;
}

/**
 * Catches a rendering error in the current route so the header, footer and
 * navigation keep working; going to another page clears it.
 */
export class CrashBoundary extends Component<Props, State> {
  override state: State = {};

  override componentDidCatch(error: unknown): void {
    console.error('Route crashed', error);
    this.setState({ error });
  }

  override componentDidUpdate(previous: Props): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error !== undefined) {
      this.setState({ error: undefined });
    }
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    return (
      <BrokenPage
        title="页面出错了"
        message="这个页面暂时无法显示。请重新加载，或回到首页继续阅读。"
      />
    );
  }
}
