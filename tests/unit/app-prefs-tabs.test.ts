import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as OfflineModule from '../../src/app/lib/prefs';
import type * as ReadingModule from '../../src/app/lib/reading-prefs/index';
import type { ReadingPrefs } from '../../src/app/lib/reading-prefs/index';
import { DEFAULT_PREFS } from '../../src/app/lib/prefs';
import { DEFAULT_READING_PREFS } from '../../src/app/lib/reading-prefs/index';
import { DEFAULT_READ_ALOUD } from '../../src/app/lib/speech/prefs';
import type * as SpeechModule from '../../src/app/lib/speech/prefs';

/**
 * The reader's preferences changed in two tabs at once. Each "tab" is its own
 * copy of the preference modules (imported afresh) with its own window and
 * document, and its own cached copy of localStorage, as Chromium gives each
 * tab's process: a write goes to the browser's copy at once, but another tab
 * sees it only when the `storage` event reaches it (and until then reads its
 * old copy). The event reaches only the other tabs.
 */

const OFFLINE_KEY = 'qilu:offline-prefs';
const SPEECH_KEY = 'qilu:read-aloud';
const READING_KEY = 'qilu:reading-prefs';

/** The browser's copy of the origin's localStorage; `broken` makes every tab's access throw. */
class BrowserStorage {
  readonly items = new Map<string, string>();
  broken = false;
}

/** One tab's cached copy of localStorage. */
class TabStorage {
  private readonly cache: Map<string, string>;
  constructor(private readonly browser: BrowserStorage) {
    this.cache = new Map(browser.items);
  }
  getItem(key: string): string | null {
    this.check();
    return this.cache.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.check();
    this.cache.set(key, value);
    this.browser.items.set(key, value);
  }
  removeItem(key: string): void {
    this.check();
    this.cache.delete(key);
    this.browser.items.delete(key);
  }
  /** Takes over the browser's copy; returns the keys that changed (what storage events name). */
  sync(): string[] {
    const keys = new Set([...this.cache.keys(), ...this.browser.items.keys()]);
    const changed = [...keys].filter((key) => this.cache.get(key) !== this.browser.items.get(key));
    this.cache.clear();
    for (const [key, value] of this.browser.items) this.cache.set(key, value);
    return changed;
  }
  private check(): void {
    if (this.browser.broken) throw new Error('SecurityError');
  }
}

function mediaQuery(): EventTarget & { matches: boolean } {
  return Object.assign(new EventTarget(), { matches: false });
}

/** Just enough of a document for applyReadingPrefs: the <html> element's attributes. */
function fakeDocument() {
  const attributes = new Map<string, string>();
  const doc = {
    defaultView: { matchMedia: mediaQuery },
    querySelector: () => null,
    documentElement: {
      ownerDocument: undefined as unknown,
      setAttribute: (name: string, value: string) => void attributes.set(name, value),
      removeAttribute: (name: string) => void attributes.delete(name),
      hasAttribute: (name: string) => attributes.has(name),
    },
  };
  doc.documentElement.ownerDocument = doc;
  return { doc, attributes };
}

interface Tab {
  readonly offline: typeof OfflineModule;
  readonly speech: typeof SpeechModule;
  readonly reading: typeof ReadingModule;
  /** What the tab's reading-settings follower heard. */
  readonly heard: ReadingPrefs[];
  /** The tab's <html> data attributes. */
  readonly attributes: Map<string, string>;
  /** Runs `work` as this tab (its window, document and localStorage are the globals). */
  run<T>(work: () => T): T;
  /** Delivers the `storage` events of what other tabs wrote since this tab last heard. */
  hear(): void;
  /** Delivers the `storage` event of another tab clearing the whole storage. */
  hearClear(): void;
}

let browser: BrowserStorage;

async function openTab(): Promise<Tab> {
  const win = new EventTarget();
  const { doc, attributes } = fakeDocument();
  const storage = new TabStorage(browser);
  const run = <T>(work: () => T): T => {
    vi.stubGlobal('window', win);
    vi.stubGlobal('document', doc);
    vi.stubGlobal('localStorage', storage);
    return work();
  };
  const dispatch = (key: string | null) =>
    run(() => win.dispatchEvent(Object.assign(new Event('storage'), { key })));
  vi.resetModules();
  run(() => undefined);
  const offline = await import('../../src/app/lib/prefs');
  const speech = await import('../../src/app/lib/speech/prefs');
  const reading = await import('../../src/app/lib/reading-prefs/index');
  const heard: ReadingPrefs[] = [];
  run(() => {
    // What main.tsx does on boot.
    reading.applyReadingPrefs(reading.readReadingPrefs());
    reading.followReadingPrefs((prefs) => heard.push(prefs));
  });
  return {
    offline,
    speech,
    reading,
    heard,
    attributes,
    run,
    hear: () => {
      for (const key of storage.sync()) dispatch(key);
    },
    hearClear: () => {
      storage.sync();
      dispatch(null);
    },
  };
}

/** What the browser stores for the record under `key`: the old whole value, each field over it. */
function stored(key: string): Record<string, unknown> {
  const whole: unknown = JSON.parse(browser.items.get(key) ?? '{}');
  const record: Record<string, unknown> = typeof whole === 'object' && whole ? { ...whole } : {};
  for (const [name, raw] of browser.items) {
    if (name.startsWith(`${key}/`)) record[name.slice(key.length + 1)] = JSON.parse(raw);
  }
  return record;
}

beforeEach(() => {
  browser = new BrowserStorage();
  vi.stubGlobal('matchMedia', mediaQuery);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('offline preferences (离线与存储) in two tabs', () => {
  it('two tabs changing different preferences at once both keep theirs', async () => {
    const a = await openTab();
    const b = await openTab();
    a.run(() => a.offline.updatePrefs({ noImages: true }));
    // B has not heard of A's change yet: its copy of localStorage is the old one.
    b.run(() => b.offline.updatePrefs({ depth: 5 }));
    const both = { wifiOnly: false, noImages: true, depth: 5 };
    expect(stored(OFFLINE_KEY)).toEqual({ noImages: true, depth: 5 });
    // A reload (a tab opened now) reads both.
    expect((await openTab()).offline.offlinePrefs.get()).toEqual(both);
    // And each open tab follows the other's as soon as it hears of it.
    a.hear();
    b.hear();
    expect(a.offline.offlinePrefs.get()).toEqual(both);
    expect(b.offline.offlinePrefs.get()).toEqual(both);
  });

  it('a tab that heard of a change merges its own onto it', async () => {
    const a = await openTab();
    const b = await openTab();
    a.run(() => a.offline.updatePrefs({ wifiOnly: true }));
    b.hear();
    b.run(() => b.offline.updatePrefs({ noImages: true }));
    expect(b.offline.offlinePrefs.get()).toEqual({ wifiOnly: true, noImages: true, depth: 3 });
  });

  it('ignores other keys, and falls back to the defaults when storage is cleared', async () => {
    const a = await openTab();
    const b = await openTab();
    const seen: unknown[] = [];
    b.offline.offlinePrefs.subscribe((prefs) => seen.push(prefs));
    a.run(() => localStorage.setItem('qilu:something-else', '1'));
    b.hear();
    expect(seen).toEqual([]);
    a.run(() => a.offline.updatePrefs({ wifiOnly: true }));
    b.hear();
    expect(seen).toEqual([{ wifiOnly: true, noImages: false, depth: 3 }]);
    browser.items.clear();
    b.hearClear();
    expect(b.offline.offlinePrefs.get()).toEqual(b.offline.DEFAULT_PREFS);
  });
});

describe('read-aloud preferences (语音朗读) in two tabs', () => {
  it('keeps both tabs’ changes and follows the other tab live', async () => {
    const a = await openTab();
    const b = await openTab();
    a.run(() => a.speech.updateReadAloudPrefs({ rate: 1.5 }));
    b.run(() => b.speech.updateReadAloudPrefs({ enabled: false }));
    const both = { enabled: false, rate: 1.5, continueNext: false };
    expect(stored(SPEECH_KEY)).toEqual({ rate: 1.5, enabled: false });
    expect((await openTab()).speech.readAloudPrefs.get()).toEqual(both);
    a.hear();
    b.hear();
    expect(a.speech.readAloudPrefs.get()).toEqual(both);
    expect(b.speech.readAloudPrefs.get()).toEqual(both);
  });
});

describe('reading settings (文字、主题、长辈版) in two tabs', () => {
  it('keeps a change made in each tab at once and applies the other tab’s live', async () => {
    const a = await openTab();
    const b = await openTab();
    expect(a.run(() => a.reading.saveReadingPrefs({ textSize: 150 })).textSize).toBe(150);
    expect(b.run(() => b.reading.saveReadingPrefs({ theme: 'dark', elder: true }))).toMatchObject({
      theme: 'dark',
      elder: true,
    });
    expect(stored(READING_KEY)).toEqual({ textSize: 150, theme: 'dark', elder: true });
    const all = { ...DEFAULT_READING_PREFS, textSize: 150, theme: 'dark', elder: true };
    expect((await openTab()).reading.readReadingPrefs()).toEqual(all);

    expect(a.attributes.has('data-elder')).toBe(false);
    a.hear();
    b.hear();
    for (const tab of [a, b]) {
      expect(tab.attributes.get('data-text-size')).toBe('150');
      expect(tab.attributes.get('data-theme')).toBe('dark');
      expect(tab.attributes.has('data-elder')).toBe(true);
      expect(tab.reading.appliedReadingPrefs.get()).toEqual(all);
      expect(tab.heard.at(-1)).toEqual(all);
    }
  });

  it('reads a whole settings object as earlier versions stored it, fields over it', async () => {
    browser.items.set(READING_KEY, JSON.stringify({ v: 1, textSize: 200, theme: 'contrast' }));
    const a = await openTab();
    expect(a.reading.readReadingPrefs()).toMatchObject({ textSize: 200, theme: 'contrast' });
    a.run(() => a.reading.saveReadingPrefs({ theme: 'light' }));
    expect((await openTab()).reading.readReadingPrefs()).toMatchObject({
      textSize: 200,
      theme: 'light',
    });
  });

  it('keeps the old 字号 when the first change is of something else', async () => {
    browser.items.set('qilu:font-size', 'xlarge');
    const a = await openTab();
    a.run(() => a.reading.saveReadingPrefs({ theme: 'dark' }));
    expect(browser.items.has('qilu:font-size')).toBe(false);
    expect((await openTab()).reading.readReadingPrefs()).toMatchObject({
      textSize: 175,
      theme: 'dark',
    });
  });
});

describe('lenient storage', () => {
  it('a malformed stored value never breaks a change or the following', async () => {
    for (const key of [OFFLINE_KEY, SPEECH_KEY, READING_KEY]) browser.items.set(key, '{broken');
    browser.items.set(`${READING_KEY}/textSize`, 'not json');
    browser.items.set(`${OFFLINE_KEY}/depth`, '"deep"');
    const a = await openTab();
    expect(a.offline.offlinePrefs.get()).toEqual(DEFAULT_PREFS);
    expect(a.reading.readReadingPrefs()).toEqual(DEFAULT_READING_PREFS);
    a.run(() => {
      a.offline.updatePrefs({ noImages: true });
      a.speech.updateReadAloudPrefs({ continueNext: true });
      a.reading.saveReadingPrefs({ letter: 'wide' });
    });
    const reloaded = await openTab();
    expect(reloaded.offline.offlinePrefs.get()).toEqual({ ...DEFAULT_PREFS, noImages: true });
    expect(reloaded.speech.readAloudPrefs.get()).toEqual({
      ...DEFAULT_READ_ALOUD,
      continueNext: true,
    });
    expect(reloaded.reading.readReadingPrefs()).toEqual({
      ...DEFAULT_READING_PREFS,
      letter: 'wide',
    });

    const b = await openTab();
    for (const field of ['noImages', 'continueNext', 'letter']) {
      const key = [OFFLINE_KEY, SPEECH_KEY, READING_KEY].find((k) =>
        browser.items.has(`${k}/${field}`),
      );
      browser.items.set(`${key}/${field}`, '[1, 2');
    }
    b.hear();
    expect(b.offline.offlinePrefs.get()).toEqual(DEFAULT_PREFS);
    expect(b.speech.readAloudPrefs.get()).toEqual(DEFAULT_READ_ALOUD);
    expect(b.reading.appliedReadingPrefs.get()).toEqual(DEFAULT_READING_PREFS);
  });

  it('with storage unreadable, a change is merged onto what the tab holds', async () => {
    const a = await openTab();
    a.run(() => a.offline.updatePrefs({ noImages: true }));
    a.run(() => a.reading.saveReadingPrefs({ textSize: 130 }));
    browser.broken = true;
    a.run(() => a.offline.updatePrefs({ depth: 1 }));
    expect(a.offline.offlinePrefs.get()).toEqual({ wifiOnly: false, noImages: true, depth: 1 });
    expect(a.run(() => a.reading.saveReadingPrefs({ motion: 'reduce' }))).toMatchObject({
      textSize: 130,
      motion: 'reduce',
    });
  });
});
