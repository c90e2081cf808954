import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import type { Channel } from '../../../shared/feed/types';
import { RESULTS_PER_PAGE } from '../../../shared/search/protocol';
import { ErrorNotice } from '../../components/status';
import { getDirectory, offline, peekDirectory } from '../../data';
import type { IndexRevision, PageSearch } from '../../data/search';
import { FIRST_INDEX_REVISION, followSearchIndex, loadSearch, runSearch } from '../../data/search';
import { announce } from '../../lib/announce';
import { useObservable } from '../../lib/use-observable';
import { usePage } from '../../lib/page';
import { matchSettings } from '../../lib/reading-prefs/choices';
import { Results } from './results';
import './style.css';

// The engine is a chunk of its own: start fetching it with this route's code, not after the first render.
void loadSearch().catch(() => undefined);

/** How long typing pauses before the results (and the URL) follow. */
const TYPING_DELAY_MS = 300;
/** Results shown at first, and added by each 「显示更多结果」. */
const PAGE_SIZE = RESULTS_PER_PAGE;

/** The search page's path. */
const SEARCH_PATH = '/search';

/** `/search`, `/search?q=…`, `/search?q=…&channel=…` (spaces as %20, as links write them). */
function searchUrl(query: string, channelId: string): string {
  const params = [
    ...(query ? [`q=${encodeURIComponent(query)}`] : []),
    ...(channelId ? [`channel=${encodeURIComponent(channelId)}`] : []),
  ];
  return params.length > 0 ? `${SEARCH_PATH}?${params.join('&')}` : SEARCH_PATH;
}

/** What to try when nothing matched. */
function Suggestions({ filtered }: { filtered: boolean }) {
  return (
    <ul>
      <li>换一个更短的词，或只搜一个字，例如“鲁”“泉”；</li>
      <li>检查有没有错别字，简体、繁体和全角字母都可以搜；</li>
      <li>多个词之间用空格分开时，文章需要同时包含所有的词；</li>
      {filtered && <li>把“频道”改为“全部频道”；</li>}
      <li>
        这里搜索的是本机已保存的文章：联网浏览更多频道，或在
        <a href="/settings#settings-storage">设置 → 离线与存储</a>中下载频道，能搜到的就更多。
      </li>
    </ul>
  );
}

/** The directory's channels (sections, then cities), for the filter and the results' labels. */
function useChannels(): readonly Channel[] {
  const [channels, setChannels] = useState<readonly Channel[]>(
    () => peekDirectory()?.channels ?? [],
  );
  useEffect(() => {
    let alive = true;
    getDirectory().then(
      (directory) => alive && setChannels(directory.channels),
      () => undefined, // Without a directory the filter is left out; search still works.
    );
    return () => {
      alive = false;
    };
  }, []);
  return channels;
}

/**
 * What the index can answer (data/search follows it). Starts once `started`:
 * after the first answer, so that answer does not wait behind the background work.
 */
function useIndexRevision(started: boolean): IndexRevision {
  const [revision, setRevision] = useState(FIRST_INDEX_REVISION);
  useEffect(() => (started ? followSearchIndex(setRevision) : undefined), [started]);
  return revision;
}

/** The state of the results: the last answer stays on screen while the next one is worked out. */
interface ResultsState {
  readonly key: string;
  readonly result?: PageSearch;
  readonly error?: unknown;
  readonly busy: boolean;
  /** The index revision the result (or error) answers. */
  readonly revision: number;
}

/**
 * `/search?q=`: searches every article stored on this device, offline too,
 * as the reader types. The query (and the channel filter) live in the URL:
 * results can be bookmarked and shared, and Back returns to them. Typing
 * replaces the history entry after a short pause, so Back is not a keystroke
 * history; a submitted search, or the first edit of a search reached by a
 * link or by Back, gets an entry of its own.
 */
export default function Search() {
  usePage('搜索');
  // This route's own query: while the next route's code loads after a result
  // was clicked, this page stays on screen and must not follow the new URL.
  const { query } = useRoute();
  const { route } = useLocation();
  const urlQuery = (query.q ?? '').trim();
  const urlChannel = query.channel ?? '';
  const [text, setText] = useState(urlQuery);
  const sent = useRef(urlQuery);
  const pushNext = useRef(urlQuery !== '');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const channels = useChannels();
  const channelMap = useMemo(
    () => new Map(channels.map((channel) => [channel.id, channel])),
    [channels],
  );
  const isOffline = useObservable(offline);
  const [answered, setAnswered] = useState(urlQuery === '');
  const { revision, filling } = useIndexRevision(answered);

  // The URL changed without us (Back/Forward, a link): show its query.
  useEffect(() => {
    if (urlQuery !== sent.current) {
      sent.current = urlQuery;
      pushNext.current = urlQuery !== '';
      setText(urlQuery);
    }
  }, [urlQuery]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = (value: string, channelId: string, submitted: boolean) => {
    clearTimeout(timer.current);
    // A pause in typing that ends after a result was followed must not come back here.
    if (location.pathname !== SEARCH_PATH) return;
    const next = value.trim();
    if (next === sent.current && channelId === urlChannel) return;
    const push = submitted || pushNext.current;
    sent.current = next;
    pushNext.current = submitted && next !== '';
    route(searchUrl(next, channelId), !push);
  };

  const onInput = (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement).value;
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => commit(value, urlChannel, false), TYPING_DELAY_MS);
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    commit(text, urlChannel, true);
  };

  const onChannel = (event: Event) => {
    commit(text, (event.currentTarget as HTMLSelectElement).value, false);
  };

  // How many results to show; back to one page for every new search.
  const searchKey = `${urlQuery}\u0000${urlChannel}`;
  const [shown, setShown] = useState({ key: searchKey, limit: PAGE_SIZE });
  const limit = shown.key === searchKey ? shown.limit : PAGE_SIZE;
  const firstNew = useRef<number | undefined>(undefined);
  const firstNewRef = useRef<HTMLHeadingElement>(null);

  const [state, setState] = useState<ResultsState>({ key: '', busy: false, revision: -1 });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!urlQuery) {
      setState({ key: searchKey, busy: false, revision });
      return;
    }
    let current = true;
    setState((previous) => ({ ...previous, busy: true }));
    runSearch({ query: urlQuery, limit, ...(urlChannel && { channelId: urlChannel }) })
      .then(
        (result) => current && setState({ key: searchKey, result, busy: false, revision }),
        (error: unknown) => current && setState({ key: searchKey, error, busy: false, revision }),
      )
      .finally(() => setAnswered(true));
    return () => {
      current = false;
    };
  }, [searchKey, limit, revision, attempt]);

  // After 「显示更多结果」: focus the first added result and say how many came.
  useEffect(() => {
    const index = firstNew.current;
    if (index === undefined || state.busy || !state.result) return;
    firstNew.current = undefined;
    firstNewRef.current?.querySelector('a')?.focus();
    announce(`已加载 ${Math.max(0, state.result.response.hits.length - index)} 条`);
  }, [state]);

  const result = state.key === searchKey || state.busy ? state.result : undefined;
  const response = urlQuery ? result?.response : undefined;
  const settingsHits = matchSettings(urlQuery);

  // One status region, always present, so each change of it is spoken. The
  // count is said once it is final: not while the first page of every channel
  // is still coming in (results found so far are already on screen).
  const failed = state.error !== undefined && state.key === searchKey;
  const loading = !response || filling || state.revision !== revision;
  let status = '';
  if (urlQuery && !failed) {
    if (loading) status = '正在加载搜索结果…';
    else if (response.relaxed) {
      status = `没有完全匹配的文章，找到 ${response.total} 条部分匹配的结果`;
    } else status = `找到 ${response.total} 条结果`;
  }

  const showMore = () => {
    if (!response) return;
    firstNew.current = response.hits.length;
    setShown({ key: searchKey, limit: limit + PAGE_SIZE });
  };

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
        {channels.length > 0 && (
          <div class="search-form__filter">
            <label for="search-channel">频道</label>
            <select id="search-channel" name="channel" value={urlChannel} onChange={onChannel}>
              <option value="">全部频道</option>
              {channels.map((channel) => (
                <option key={channel.id} value={channel.id}>
                  {channel.title}
                </option>
              ))}
            </select>
          </div>
        )}
      </form>
      <p role="status" class="search-status">
        {status}
      </p>
      {failed && <ErrorNotice error={state.error} onRetry={() => setAttempt((n) => n + 1)} />}
      {!urlQuery && (
        <div class="search-empty">
          <p>输入关键词，在本机保存的新闻里查找标题、引题、摘要、正文、来源和作者。</p>
          <p>例如：“数字强省”“济南”“5G”，或者只输入一个字，如“鲁”。</p>
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
      {urlQuery && result && <ScopeNote result={result} offline={isOffline} />}
      {response?.relaxed && (
        <p class="search-note">没有同时包含所有词的文章，下面是包含其中一部分的结果。</p>
      )}
      {response?.total === 0 && !loading && (
        <div class="search-empty">
          <p>没有找到包含“{urlQuery}”的文章。可以试试：</p>
          <Suggestions filtered={urlChannel !== ''} />
        </div>
      )}
      {response && response.hits.length > 0 && (
        <section aria-labelledby="search-results-heading">
          <h2 id="search-results-heading" class="visually-hidden">
            搜索结果
          </h2>
          <Results
            hits={response.hits}
            channels={channelMap}
            channelId={urlChannel}
            firstNew={firstNew.current ?? -1}
            firstNewRef={firstNewRef}
          />
          {response.hits.length < response.total && (
            <div class="search-more">
              <button
                type="button"
                class="button button--secondary"
                aria-busy={state.busy}
                onClick={showMore}
              >
                显示更多结果
              </button>
            </div>
          )}
        </section>
      )}
    </div>
  );
}

/** Where the results come from: this device (offline too), or only what could be loaded. */
function ScopeNote({ result, offline }: { result: PageSearch; offline: boolean }) {
  if (result.source === 'loaded') {
    return (
      <p class="search-note">
        本机存储不可用，只能搜索刚刚加载的各频道第一页
        {result.failedChannels > 0 && `（有 ${result.failedChannels} 个频道暂时无法读取）`}。
      </p>
    );
  }
  const { indexed, pending } = result.response;
  return (
    <p class="search-note">
      {offline ? '当前离线。' : ''}搜索范围：本机已保存的 {indexed} 篇文章，离线时也能搜索。
      {pending > 0 && `另有 ${pending} 篇正在建立索引，稍后就能搜到。`}
    </p>
  );
}
