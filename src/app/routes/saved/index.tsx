import { usePage } from '../../lib/page';

/** `/saved`: 收藏与离线. Saving arrives with offline storage; until then, say so plainly. */
export default function Saved() {
  usePage('收藏与离线');
  return (
    <div class="page">
      <h1 class="page-title" tabindex={-1}>
        收藏与离线
      </h1>
      <p>
        还没有收藏的文章。收藏和离线下载功能正在开发中，完成后，你收藏的文章会保存在这台设备上，没有网络时也能阅读。
      </p>
      <p class="actions">
        <a class="button" href="/">
          首页
        </a>
      </p>
    </div>
  );
}
