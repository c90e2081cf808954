import { usePage } from '../../lib/page';

/** `/saved`: 收藏与离线. Saving is the next step; until then, say so plainly and point to 下载离线. */
export default function Saved() {
  usePage('收藏与离线');
  return (
    <div class="page">
      <h1 class="page-title" tabindex={-1}>
        收藏与离线
      </h1>
      <p>
        还没有收藏的文章。收藏功能正在开发中。打开过的文章已经自动保存在这台设备上，没有网络时也能阅读；想提前下载整个频道，可以在频道页或“设置”中选择“下载离线”。
      </p>
      <p class="actions">
        <a class="button" href="/">
          首页
        </a>
      </p>
    </div>
  );
}
