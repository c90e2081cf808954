import { CityLinks } from '../../components/city-links';
import { getDirectory, peekDirectory } from '../../data';
import { usePage } from '../../lib/page';
import { useAsync } from '../../lib/use-async';

/**
 * The 404 content: also shown by routes that get an unknown id (a channel or
 * an about page that does not exist), so they all say the same helpful thing.
 */
export function NotFoundContent() {
  usePage('页面未找到');
  const directory = useAsync((signal) => getDirectory({ signal }), [], peekDirectory);
  const cities =
    directory.status === 'ready'
      ? directory.value.channels.filter((channel) => channel.kind === 'city')
      : [];
  return (
    <div class="page">
      <h1 class="page-title" tabindex={-1}>
        页面未找到
      </h1>
      <p>这个地址可能有误，或者页面已经移除。请检查地址，或从下面的链接继续阅读。</p>
      <p class="actions">
        <a class="button" href="/">
          首页
        </a>
        <a class="button button--secondary" href="/search">
          搜索
        </a>
      </p>
      {cities.length > 0 && (
        <section aria-labelledby="not-found-cities">
          <h2 id="not-found-cities" class="section-heading">
            城市频道
          </h2>
          <CityLinks cities={cities} />
        </section>
      )}
    </div>
  );
}

/** Any address no route claims. */
export default function NotFound() {
  return <NotFoundContent />;
}
