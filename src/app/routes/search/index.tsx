import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ArticleItem } from '../../components/article-item';
import { ErrorNotice } from '../../components/status';
import { searchLoaded } from '../../data';
import { usePage } from '../../lib/page';
import { matchSettings } from '../../lib/reading-prefs/choices';
import { useAsync } from '../../lib/use-async';
import './style.css';

/** How long typing pauses before the results (and the URL) follow. */
const TYPING_DELAY_MS = 300;

function searchUrl(query: string): string {
  const trimmed = query.trim();
  return trimmed ? `/search?q=${encodeURIComponent(trimmed)}` : '/search';
}

/** What to try when nothing matched. */
function Suggestions() {
  return (
    <ul>
      <li>换一个更短的词，例如城市名“济南”或“青岛”；</li>
      <li>检查有没有错别字；</li>
      <li>多个词之间用空格分开时，文章需要同时包含所有的词。</li>
    </ul>
  );
}

/**
 * `/search?q=`: the query lives in the URL, so results can be bookmarked and
 * shared, and Back returns to them. Typing updates the URL (replacing, not
 * pushing, so Back is not a keystroke history) after a short pause.
 */
export default function Search() {
  usePage('搜索');
  const { query, route } = useLocation();
  const urlQuery = query.q ?? '';
  const [text, setText] = useState(urlQuery);
  const sent = useRef(urlQuery);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The URL changed without us (Back/Forward, a link): show its query.
  useEffect(() => {
    if (urlQuery !== sent.current) {
      sent.current = urlQuery;
      setText(urlQuery);
    }
  }, [urlQuery]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = (value: string, replace: boolean) => {
    clearTimeout(timer.current);
    const next = value.trim();
    if (next === sent.current) return;
    sent.current = next;
    route(searchUrl(next), replace);
  };

  const onInput = (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement).value;
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => commit(value, true), TYPING_DELAY_MS);
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    commit(text, true);
  };

  const current = urlQuery.trim();
  const outcome = useAsync(
    (signal) => (current ? searchLoaded(current, { signal }) : Promise.resolve(undefined)),
    [current],
  );

  // One status region, always present, so each change of it is spoken.
  let status = '';
  if (current && outcome.status === 'loading') status = '正在加载搜索结果…';
  else if (outcome.status === 'ready' && outcome.value) {
    status = `找到 ${outcome.value.hits.length} 条结果`;
  }
  const found = outcome.status === 'ready' ? outcome.value : undefined;
  // Settings are found by what readers call them (长辈, 关怀, 大字 …), above the articles.
  const settingsHits = matchSettings(current);

  return (
    <div class="page">
      <h1 class="page-title" tabindex={-1}>
        搜索
      </h1>
      <form role="search" class="search-form" action="/search" onSubmit={onSubmit}>
        <label for="search-q" class="search-form__label">
          搜索新闻
        </label>
        <div class="search-form__row">
          <input
            id="search-q"
            type="search"
            name="q"
            value={text}
            onInput={onInput}
            autocomplete="off"
            enterKeyHint="search"
          />
          <button type="submit" class="button">
            搜索
          </button>
        </div>
      </form>
      <p role="status" class="search-status">
        {status}
      </p>
      {outcome.status === 'error' && <ErrorNotice error={outcome.error} onRetry={outcome.retry} />}
      {!current && (
        <div class="search-empty">
          <p>输入关键词，在热点新闻、滚动、图片新闻和各城市频道的文章里查找标题、摘要和正文。</p>
          <p>例如：“数字强省”“济南”“乡村振兴”。</p>
        </div>
      )}
      {settingsHits.length > 0 && (
        <section class="search-settings" aria-labelledby="search-settings-heading">
          <h2 id="search-settings-heading" class="section-heading">
            设置
          </h2>
          <ul class="search-settings__list">
            {settingsHits.map((entry) => (
              <li key={entry.href}>
                <a href={entry.href}>{entry.title}</a>
                <span class="search-settings__text">{entry.description}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {found && found.failedChannels.length > 0 && (
        <p class="search-note">
          有 {found.failedChannels.length} 个频道暂时无法读取，结果可能不完整。
        </p>
      )}
      {found?.hits.length === 0 && (
        <div class="search-empty">
          <p>没有找到包含“{current}”的文章。可以试试：</p>
          <Suggestions />
        </div>
      )}
      {found && found.hits.length > 0 && (
        <ul class="news-list">
          {found.hits.map(({ article, channel }) => (
            <ArticleItem
              key={article.id}
              article={article}
              channelId={channel.id}
              channelTitle={channel.title}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
